/** The account corner while "who is signed in" is unknown; in the entry (the header's first paint), so no data code. */
export const accountPlaceholder = (
  <span aria-hidden="true" className="inline-block h-9 w-24 animate-pulse rounded-full bg-stone-100 motion-reduce:animate-none" />
);
