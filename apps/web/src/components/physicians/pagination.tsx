"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button, Label, Select } from "@pharmacrm/ui";
import { pageSizes, type PageSize } from "./directory-params";

const numberFormat = new Intl.NumberFormat("en-US");

interface PaginationProps {
  page: number;
  pageSize: PageSize;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: PageSize) => void;
}

export function Pagination({ page, pageSize, total, onPage, onPageSize }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 bg-slate-50/60 px-3 py-2 text-xs text-slate-500">
      <p className="tabular-nums">
        {numberFormat.format(from)}–{numberFormat.format(to)} of {numberFormat.format(total)}
      </p>
      <div className="flex items-center gap-3">
        <div className="flex items-center gap-2">
          <Label htmlFor="page-size" className="text-xs font-normal text-slate-500">
            Rows per page
          </Label>
          <Select
            id="page-size"
            value={pageSize}
            onChange={(e) => onPageSize(Number(e.target.value) as PageSize)}
            className="h-8 w-20 text-xs"
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </Select>
        </div>
        <span className="tabular-nums">
          Page {numberFormat.format(page)} of {numberFormat.format(pages)}
        </span>
        <div className="flex items-center gap-1">
          <Button variant="secondary" size="icon" aria-label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            <ChevronLeft />
          </Button>
          <Button variant="secondary" size="icon" aria-label="Next page" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            <ChevronRight />
          </Button>
        </div>
      </div>
    </nav>
  );
}
