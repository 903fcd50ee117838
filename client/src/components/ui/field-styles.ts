/**
 * Classes shared by every form control (text inputs, selects), so fields look alike wherever they are built.
 * `invalid` swaps the border for the error colour; the message itself comes from <FieldMessage>.
 */
export function controlClasses({ invalid = false, className = "" }: { invalid?: boolean; className?: string } = {}): string {
  const border = invalid
    ? "border-red-600 focus:border-red-700 focus-visible:ring-red-600/30"
    : "border-stone-300 focus:border-brand-600 focus-visible:ring-brand-600/40";
  return `block h-10 w-full rounded-lg border bg-white px-3 text-sm text-stone-900 shadow-sm placeholder:text-stone-500 focus:outline-none focus-visible:ring-2 disabled:bg-stone-100 disabled:text-stone-500 ${border} ${className}`.trim();
}

export const labelClasses = "block text-sm font-medium text-stone-800";
