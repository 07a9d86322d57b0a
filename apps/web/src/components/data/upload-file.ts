// Sends a file to /api/imports as the request body (streamed to disk by the server), reporting upload progress.
export interface UploadFields {
  dataset: string;
  year?: number;
  release?: string;
}

export interface UploadAnswer {
  runId: string;
  status: string;
  alreadyLoaded: boolean;
}

export function uploadImportFile(
  file: File,
  fields: UploadFields,
  onProgress: (percent: number) => void,
): Promise<UploadAnswer> {
  const query = new URLSearchParams({ dataset: fields.dataset, name: file.name });
  if (fields.year !== undefined) query.set("year", String(fields.year));
  if (fields.release) query.set("release", fields.release);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports?${query.toString()}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: Partial<UploadAnswer> & { message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // Not the API's answer (a proxy page): the generic message below.
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.runId) resolve(body as UploadAnswer);
      else reject(new Error(body.message ?? `The upload failed (HTTP ${xhr.status}). Please try again.`));
    };
    xhr.onerror = () =>
      reject(new Error("The upload did not reach the server. Please check your connection and try again."));
    xhr.send(file);
  });
}
