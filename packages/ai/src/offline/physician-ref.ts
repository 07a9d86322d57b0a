// Who a message is about: an NPI, or a name as the rep wrote it ("Dr. Smyth", "sarah chen", "Chen's"). Resolving
// the name to an HCP (with typo tolerance and the rep's territory) is the search's job.
import { specialtySynonyms } from "@pharmacrm/domain";

export interface PhysicianRef {
  npi?: string;
  /** As written, without title or possessive, e.g. "Sarah Chen". */
  name?: string;
}

// Words that end a name: time, channel, topic and filler words a rep writes after one.
const STOP = new Set(
  `today tomorrow yesterday tonight next this last about regarding re on at in for to and or with from by the a an my his her their
   our your him she he them they it me us we i email e-mail call visit meeting lunch week month monday tuesday wednesday thursday friday saturday sunday please
   samples sample offering discussed about prescribing prescribe prescribes payments paid consent profile history brief prep
   notes note task follow followup follow-up up invitation invite webinar symposium dinner who what is was does do did
   cardiology oncology dermatology near within miles mile territory npi md do np pa phd write writes wrote receive received
   have has had get gets got want wants need needs said say says like likes prescribed phone phoned called video zoom
   teams office visited saw met seen writing writes more less trend trends share scripts claims volume segment tier
   account notes note withdrew withdrawn replied opted opting unsubscribed gave given agreed revoked signed filled
   asked wants wanted prefers preferred said told yesterday's today's morning afternoon evening tonight lunch dinner
   coffee samples sample left dropped vs versus or and but so then also too just quick chat went over presented
   shared last first next number numbers data info information details status consent consents tues tue wed thu
   thurs fri sat sun mon yest tmrw am pm aft abt w re ok ok'd okd asked office phone convo min mins after before since like there
   tries been being lately recently ever still doing going seems seemed says said told`.split(/\s+/),
);

const NAME_WORD = /^[a-z][a-z'’-]*$/i;

const capitalised = (word: string) => /^[A-Z][a-z'’-]+/.test(word);

/** True for a word that is something else the message names: a drug, a product, a place. */
export type KnownWord = (lowerWord: string) => boolean;

/** Up to three name words; a name begun with a capital continues only with capitals ("Dr Chen prescribe"). */
function takeName(words: readonly string[], known: KnownWord): string | undefined {
  const taken: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/[,.;:!?)]+$/, "").replace(/['’]s?$/i, "");
    if (!NAME_WORD.test(word) || STOP.has(word.toLowerCase()) || known(word.toLowerCase())) break;
    if (taken.length > 0 && capitalised(taken[0]!) && !capitalised(word)) break;
    taken.push(word);
    if (taken.length === 3 || raw !== raw.replace(/[,.;:!?)]+$/, "") || /['’]s?$/.test(raw)) break;
  }
  return taken.length > 0 ? taken.join(" ") : undefined;
}

const NOBODY: KnownWord = () => false;

// The words before "doctor" in the physician search's lay specialty terms ("heart", "skin", "kids").
const KINDS = new Set(Object.keys(specialtySynonyms).flatMap((term) => /^(\S+) doctor$/.exec(term)?.slice(1) ?? []));

/**
 * Who a message is about. `lowercase`: a name typed in lower case after "saw / met / with" counts (in a call log:
 * "saw jacobi. eliquis."), unless it is a known word.
 */
export function physicianRef(message: string, known: KnownWord = NOBODY, lowercase = false): PhysicianRef | null {
  const npi = /(?<!\d)(\d{10})(?!\d)/.exec(message)?.[1];
  if (npi) return { npi };
  const words = message.split(/\s+/).filter(Boolean);
  // "Dr Smith", "dr. smith", "Doctor Sarah Chen": whatever the case.
  // "heart doctor", "skin doctor": a kind of physician, not a title.
  const title = words.findIndex(
    (w, i) => /^(dr\.?|doctor)$/i.test(w) && !(/^doctor$/i.test(w) && KINDS.has(words[i - 1]?.toLowerCase() ?? "")),
  );
  if (title >= 0) {
    const name = takeName(words.slice(title + 1), known);
    if (name) return { name };
  }
  // Otherwise a capitalised name after "with / for / to / about / on / is / of": "prep me for my call with Sarah Chen".
  for (let i = 0; i < words.length - 1; i++) {
    if (!/^(with|w\/|w|for|to|about|on|is|of|see|saw|met|visited|called|phoned|emailed)$/i.test(words[i]!)) continue;
    const run: string[] = [];
    for (const word of words.slice(i + 1, i + 4)) {
      if (
        !capitalised(word) &&
        !(lowercase && run.length === 0 && /^(saw|met|visited|called|phoned|emailed|with|w\/|w)$/i.test(words[i]!))
      )
        break;
      run.push(word);
    }
    const name = takeName(run, known);
    if (name) return { name };
  }
  return null;
}
