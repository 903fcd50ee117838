import { Apple, BookOpen, CookingPot, Flower2, Headphones, Leaf, PawPrint, Soup, Tent, ToyBrick, HeartPulse, type LucideIcon } from "lucide-react";

// A sector keeps its emoji as data (admins type one), but the storefront draws an SVG icon: emoji render as empty
// boxes on systems without an emoji font (issue 13 walkthrough). Unknown emoji get the leaf.
const iconByEmoji: Readonly<Record<string, LucideIcon>> = {
  "🍎": Apple,
  "🥫": Soup,
  "🍳": CookingPot,
  "🪴": Flower2,
  "🏕️": Tent,
  "🏕": Tent,
  "🧘": HeartPulse,
  "🎧": Headphones,
  "📚": BookOpen,
  "🧸": ToyBrick,
  "🐾": PawPrint,
};

export function SectorIcon({ emoji, className = "size-6" }: { emoji: string | null | undefined; className?: string }) {
  const Icon = (emoji && iconByEmoji[emoji]) || Leaf;
  return <Icon aria-hidden="true" className={className} strokeWidth={1.75} />;
}
