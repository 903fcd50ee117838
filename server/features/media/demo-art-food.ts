/**
 * Demo catalog drawings, part 1: food, kitchen and home (issue 12 §4). Each draws one kind of thing on a
 * 400×400 canvas, standing on y≈300, in the colour it is given; no text, so a picture never names a product.
 */
export type Draw = (colour: string) => string;

const shade = (opacity = 0.18) => `fill="#000" opacity="${opacity}"`;
const shine = `fill="#fff" opacity=".35"`;
const leaf = (x: number, y: number, r = 0) =>
  `<path transform="translate(${x} ${y}) rotate(${r})" d="M0 0q26-30 62-12q-28 34-62 12z" fill="#3f8f3a"/><path transform="translate(${x} ${y}) rotate(${r})" d="M4 -1q26-12 50-10" stroke="#2d6b2a" stroke-width="2" fill="none"/>`;
const stem = (x: number, y: number) => `<path d="M${x} ${y}q2-26 16-40" stroke="#5b3a1e" stroke-width="8" fill="none" stroke-linecap="round"/>`;

/** Small marks that say what a bag, box or jar holds without words. */
export const ICONS: Record<string, (x: number, y: number) => string> = {
  bean: (x, y) =>
    `<ellipse cx="${x}" cy="${y}" rx="16" ry="22" fill="#4a2c17"/><path d="M${x} ${y - 20}q-8 20 0 40" stroke="#c8a27a" stroke-width="3" fill="none"/>`,
  paw: (x, y) =>
    `<g fill="#fff" opacity=".9"><ellipse cx="${x}" cy="${y + 8}" rx="16" ry="13"/><circle cx="${x - 17}" cy="${y - 10}" r="6"/><circle cx="${x - 6}" cy="${y - 18}" r="6"/><circle cx="${x + 6}" cy="${y - 18}" r="6"/><circle cx="${x + 17}" cy="${y - 10}" r="6"/></g>`,
  fish: (x, y) =>
    `<g fill="#fff" opacity=".9"><ellipse cx="${x}" cy="${y}" rx="22" ry="12"/><path d="M${x + 18} ${y}l16-12v24z"/></g><circle cx="${x - 10}" cy="${y - 2}" r="2.5" fill="#333"/>`,
  wheat: (x, y) =>
    `<g stroke="#b7862c" stroke-width="4" fill="#e8c468"><path d="M${x} ${y + 30}V${y - 26}" fill="none"/>${[0, 1, 2, 3].map((i) => `<ellipse cx="${x - 8}" cy="${y - 18 + i * 12}" rx="5" ry="9" transform="rotate(-30 ${x - 8} ${y - 18 + i * 12})"/><ellipse cx="${x + 8}" cy="${y - 18 + i * 12}" rx="5" ry="9" transform="rotate(30 ${x + 8} ${y - 18 + i * 12})"/>`).join("")}</g>`,
  leaf: (x, y) => leaf(x - 30, y + 10, -20),
  flower: (x, y) =>
    `<g fill="#f6c945">${[0, 72, 144, 216, 288].map((a) => `<ellipse cx="${x}" cy="${y - 14}" rx="8" ry="14" transform="rotate(${a} ${x} ${y})"/>`).join("")}</g><circle cx="${x}" cy="${y}" r="8" fill="#b5651d"/>`,
  bone: (x, y) =>
    `<g fill="#fff"><rect x="${x - 22}" y="${y - 6}" width="44" height="12" rx="6"/><circle cx="${x - 22}" cy="${y - 7}" r="8"/><circle cx="${x - 22}" cy="${y + 7}" r="8"/><circle cx="${x + 22}" cy="${y - 7}" r="8"/><circle cx="${x + 22}" cy="${y + 7}" r="8"/></g>`,
  drop: (x, y) => `<path d="M${x} ${y - 22}q20 26 0 44q-20-18 0-44z" fill="#fff" opacity=".85"/>`,
  pill: (x, y) =>
    `<rect x="${x - 22}" y="${y - 9}" width="44" height="18" rx="9" fill="#fff"/><rect x="${x}" y="${y - 9}" width="22" height="18" rx="9" fill="#f4a261"/>`,
  none: () => "",
};

export const FOOD_ART: Record<string, Draw> = {
  apple: (c) =>
    `<path d="M200 130c-30-22-92-14-96 52c-4 70 46 116 96 104c50 12 100-34 96-104c-4-66-66-74-96-52z" fill="${c}"/><path d="M150 160q-20 30-6 70" stroke="#fff" stroke-width="10" opacity=".3" fill="none" stroke-linecap="round"/>${stem(196, 136)}${leaf(214, 104, -25)}`,
  citrus: (c) =>
    `<circle cx="200" cy="200" r="94" fill="${c}"/><circle cx="200" cy="200" r="94" fill="url(#dots)" opacity=".25"/><ellipse cx="168" cy="160" rx="26" ry="16" ${shine}/><circle cx="200" cy="108" r="6" fill="#5b7f2a"/>${leaf(204, 106, -35)}`,
  lemon: (c) =>
    `<path d="M92 205q0-70 100-84q40-4 70 10l30-8l-4 26q24 26 18 60q-10 70-110 78q-40 2-66-16l-28 8l4-28q-14-20-14-46z" fill="${c}"/><ellipse cx="170" cy="168" rx="30" ry="14" ${shine}/>`,
  berries: (c) =>
    [
      [160, 220],
      [210, 230],
      [255, 215],
      [185, 180],
      [232, 180],
      [140, 260],
      [200, 270],
      [258, 258],
    ]
      .map(
        ([x, y]) =>
          `<circle cx="${x}" cy="${y}" r="30" fill="${c}"/><circle cx="${x! - 9}" cy="${y! - 10}" r="7" ${shine}/><path d="M${x! - 5} ${y! - 24}l5 6l5-6" stroke="#222" stroke-width="2" fill="none" opacity=".4"/>`,
      )
      .join(""),
  strawberry: (c) =>
    `<path d="M120 150q80-40 160 0q10 70-80 150q-90-80-80-150z" fill="${c}"/>${[140, 170, 200, 230, 260].map((x, i) => `<ellipse cx="${x}" cy="${175 + (i % 2) * 20}" rx="3" ry="5" fill="#ffe08a"/><ellipse cx="${x + 12}" cy="${215 + (i % 2) * 18}" rx="3" ry="5" fill="#ffe08a"/>`).join("")}<path d="M140 145l30 14l30-26l30 26l30-14l-20 24h-80z" fill="#3f8f3a"/>`,
  cherries: (c) =>
    `<path d="M165 225q10-90 60-130M240 220q0-80-15-125" stroke="#5b7f2a" stroke-width="6" fill="none"/>${leaf(222, 98, -40)}<circle cx="162" cy="240" r="46" fill="${c}"/><circle cx="246" cy="236" r="46" fill="${c}"/><circle cx="148" cy="222" r="10" ${shine}/><circle cx="232" cy="218" r="10" ${shine}/>`,
  stonefruit: (c) =>
    `<circle cx="200" cy="205" r="92" fill="${c}"/><path d="M200 118q-30 90 0 180" stroke="#000" stroke-width="5" opacity=".15" fill="none"/><ellipse cx="160" cy="170" rx="24" ry="16" ${shine}/>${stem(200, 120)}${leaf(208, 100, -30)}`,
  greens: (c) =>
    `${[-50, -25, 0, 25, 50].map((a) => `<path transform="rotate(${a} 200 300)" d="M200 300q-60-90 0-200q60 110 0 200z" fill="${c}"/><path transform="rotate(${a} 200 300)" d="M200 296v-180" stroke="#fff" stroke-width="3" opacity=".35"/>`).join("")}`,
  carrot: (c) =>
    `${[-14, 0, 14].map((a) => `<path transform="rotate(${a} 200 120)" d="M200 120q-20-40-6-80q26 40 6 80z" fill="#3f8f3a"/>`).join("")}<path d="M160 120h80q-10 110-40 180q-30-70-40-180z" fill="${c}"/>${[150, 180, 210].map((y) => `<path d="M${170 + (y - 150) / 6} ${y}h18" stroke="#000" opacity=".15" stroke-width="4" stroke-linecap="round"/>`).join("")}`,
  root: (c) =>
    `<ellipse cx="200" cy="220" rx="100" ry="76" fill="${c}"/>${[
      [160, 200],
      [230, 240],
      [210, 180],
      [150, 250],
    ]
      .map(([x, y]) => `<ellipse cx="${x}" cy="${y}" rx="6" ry="4" ${shade(0.25)}/>`)
      .join("")}<ellipse cx="160" cy="180" rx="26" ry="14" ${shine}/>`,
  herb: (c) =>
    `<path d="M200 300V110" stroke="#4b7a2e" stroke-width="6"/>${[120, 160, 200, 240].map((y, i) => `<ellipse cx="${i % 2 ? 236 : 164}" cy="${y}" rx="38" ry="20" fill="${c}" transform="rotate(${i % 2 ? -25 : 25} ${i % 2 ? 236 : 164} ${y})"/>`).join("")}<ellipse cx="200" cy="100" rx="20" ry="30" fill="${c}"/>`,
  tomato: (c) =>
    `<ellipse cx="200" cy="210" rx="100" ry="86" fill="${c}"/><ellipse cx="160" cy="180" rx="26" ry="14" ${shine}/><path d="M200 130l14-22l8 26l28-6l-20 20l22 16l-30-2l-10 24l-10-24l-30 2l22-16l-20-20l28 6l8-26z" fill="#3f8f3a"/>`,
  avocado: (c) =>
    `<path d="M200 90q60 0 76 120q10 90-76 90q-86 0-76-90q16-120 76-120z" fill="${c}"/><path d="M200 110q46 2 58 104q6 70-58 70q-64 0-58-70q12-102 58-104z" fill="#d9e89a"/><circle cx="200" cy="222" r="36" fill="#8a5a2b"/>`,
  banana: (c) =>
    `<path d="M110 150q20 150 200 110q10-10-4-22q-150 20-170-98z" fill="${c}"/><path d="M122 166q40 110 180 84" stroke="#000" opacity=".12" stroke-width="8" fill="none"/><rect x="120" y="128" width="14" height="26" rx="4" fill="#5b3a1e" transform="rotate(-20 127 141)"/>`,
  pineapple: (c) =>
    `${[-30, -12, 0, 12, 30].map((a) => `<path transform="rotate(${a} 200 150)" d="M200 150q-16-50 0-100q16 50 0 100z" fill="#3f8f3a"/>`).join("")}<ellipse cx="200" cy="225" rx="72" ry="90" fill="${c}"/>${[0, 1, 2, 3].map((i) => `<path d="M${140 + i * 30} 150l60 150M${260 - i * 30} 150l-60 150" stroke="#000" opacity=".15" stroke-width="3"/>`).join("")}`,
  kiwi: (c) =>
    `<circle cx="160" cy="210" r="80" fill="#7a5a2b"/><circle cx="240" cy="210" r="80" fill="#8a6a35"/><circle cx="240" cy="210" r="68" fill="${c}"/><circle cx="240" cy="210" r="18" fill="#f3f0c0"/>${Array.from({ length: 10 }, (_, i) => `<ellipse cx="${240 + 32 * Math.cos((i * Math.PI) / 5)}" cy="${210 + 32 * Math.sin((i * Math.PI) / 5)}" rx="3" ry="5" fill="#222"/>`).join("")}`,
  mushroom: (c) =>
    `<path d="M176 200h48l8 96h-64z" fill="#efe3cf"/><path d="M90 210q0-110 110-110t110 110z" fill="${c}"/><circle cx="160" cy="160" r="12" fill="#fff" opacity=".3"/><circle cx="240" cy="150" r="9" fill="#fff" opacity=".3"/>`,
  crate: (c) =>
    `${[
      [150, 150, "#d94a38"],
      [205, 140, "#f2a33a"],
      [255, 152, "#7cb342"],
      [178, 120, "#e84d6b"],
      [232, 118, "#f6c945"],
    ]
      .map(([x, y, f]) => `<circle cx="${x}" cy="${y}" r="30" fill="${f}"/>`)
      .join(
        "",
      )}<rect x="100" y="160" width="200" height="130" rx="8" fill="${c}"/><path d="M100 205h200M100 250h200" stroke="#000" opacity=".2" stroke-width="6"/>`,
  bottle: (c) =>
    `<rect x="178" y="60" width="44" height="26" rx="6" fill="#333"/><path d="M184 86h32v40q44 20 44 70v96q0 10-10 10h-100q-10 0-10-10v-96q0-50 44-70z" fill="${c}"/><rect x="152" y="200" width="96" height="60" rx="8" fill="#fff" opacity=".8"/><rect x="162" y="100" width="12" height="150" rx="6" ${shine}/>`,
  jar: (c) =>
    `<rect x="130" y="96" width="140" height="34" rx="8" fill="#444"/><rect x="120" y="128" width="160" height="170" rx="26" fill="${c}"/><rect x="132" y="186" width="136" height="64" rx="6" fill="#fff" opacity=".8"/><rect x="134" y="140" width="14" height="130" rx="7" ${shine}/>`,
  bag: (c) =>
    `<path d="M120 100h160l20 200h-200z" fill="${c}"/><path d="M120 100l20 26h120l20-26" fill="#000" opacity=".12"/><rect x="140" y="170" width="120" height="96" rx="12" fill="#fff" opacity=".25"/>`,
  pouch: (c) => `<path d="M130 90h140v20q16 80 10 190h-160q-6-110 10-190z" fill="${c}"/><path d="M130 110h140" stroke="#000" opacity=".2" stroke-width="5"/>`,
  box: (c) =>
    `<path d="M110 140l90-40l90 40v150h-180z" fill="${c}"/><path d="M110 140l90 40l90-40" fill="none" stroke="#000" opacity=".15" stroke-width="4"/><path d="M200 180v110" stroke="#000" opacity=".15" stroke-width="4"/>`,
  pasta: () =>
    `<rect x="110" y="110" width="180" height="190" rx="10" fill="#2f6f9f"/><rect x="136" y="150" width="128" height="110" rx="40" fill="#fff"/>${[0, 1, 2, 3, 4].map((i) => `<rect x="${150 + (i % 3) * 34}" y="${166 + Math.floor(i / 3) * 40}" width="30" height="14" rx="3" fill="#f2c14e" transform="rotate(${i % 2 ? 25 : -25} ${165 + (i % 3) * 34} ${173 + Math.floor(i / 3) * 40})"/>`).join("")}`,
  nuts: (c) =>
    `<path d="M100 200h200q-6 100-100 100t-100-100z" fill="#8d6e63"/>${[130, 160, 190, 220, 250, 150, 200, 240].map((x, i) => `<ellipse cx="${x + 10}" cy="${i < 5 ? 196 : 176}" rx="20" ry="13" fill="${c}" transform="rotate(${i * 23} ${x + 10} ${i < 5 ? 196 : 176})"/>`).join("")}`,
  teacup: (c) =>
    `<path d="M110 180h160q0 110-80 110t-80-110z" fill="${c}"/><path d="M270 200q40 0 30 40q-10 24-40 24" stroke="${c}" stroke-width="12" fill="none"/><ellipse cx="190" cy="300" rx="110" ry="12" fill="#fff" opacity=".6"/><path d="M230 180q10-60 40-90" stroke="#888" stroke-width="2" fill="none"/><rect x="258" y="78" width="28" height="22" rx="3" fill="#f6c945"/><path d="M160 160q-10-20 0-40M200 160q-10-20 0-40" stroke="#999" stroke-width="4" fill="none" opacity=".6"/>`,
  skillet: (c) =>
    `<ellipse cx="170" cy="220" rx="100" ry="64" fill="${c}"/><ellipse cx="170" cy="214" rx="84" ry="50" ${shade(0.25)}/><rect x="262" y="200" width="110" height="22" rx="11" fill="${c}" transform="rotate(-12 262 211)"/>`,
  pot: (c) =>
    `<ellipse cx="200" cy="134" rx="96" ry="18" fill="${c}"/><circle cx="200" cy="112" r="12" fill="#333"/><path d="M104 140h192v120q0 36-40 36h-112q-40 0-40-36z" fill="${c}"/><path d="M104 170h-26M296 170h26" stroke="#333" stroke-width="14" stroke-linecap="round"/><rect x="120" y="150" width="14" height="120" rx="7" ${shine}/>`,
  knife: (c) =>
    `<path d="M80 240l190-70q30-8 34 16l-4 22l-220 40z" fill="#cfd8dc"/><path d="M80 240l220-32" stroke="#90a4ae" stroke-width="3"/><rect x="286" y="192" width="96" height="30" rx="12" fill="${c}" transform="rotate(-8 286 207)"/>`,
  board: (c) =>
    `<rect x="90" y="120" width="220" height="170" rx="26" fill="${c}"/><circle cx="280" cy="150" r="12" fill="#fff"/><path d="M110 180h180M110 230h180" stroke="#000" opacity=".08" stroke-width="6"/>`,
  spoon: (c) =>
    `<ellipse cx="150" cy="120" rx="34" ry="48" fill="${c}"/><rect x="142" y="160" width="16" height="150" rx="8" fill="${c}"/><path d="M250 300v-120" stroke="#78909c" stroke-width="10"/>${[-1, 0, 1].map((k) => `<path d="M250 180q${-40 * k - 10} -60 0 -110q${40 * k + 10} 50 0 110" stroke="#b0bec5" stroke-width="4" fill="none"/>`).join("")}`,
  tray: (c) =>
    `<path d="M90 200h220l-16 80h-188z" fill="${c}"/><path d="M90 200h220" stroke="#000" opacity=".2" stroke-width="6"/>${[130, 200, 270].map((x) => `<ellipse cx="${x}" cy="220" rx="26" ry="10" ${shade(0.2)}/>`).join("")}`,
  container: (c) =>
    `<rect x="100" y="150" width="200" height="140" rx="20" fill="#cfe8f3" opacity=".9"/><rect x="94" y="132" width="212" height="26" rx="10" fill="${c}"/><rect x="120" y="200" width="160" height="70" rx="12" fill="#f2a33a" opacity=".5"/>`,
  plate: (c) =>
    `<ellipse cx="200" cy="270" rx="130" ry="28" fill="${c}"/><ellipse cx="200" cy="262" rx="130" ry="28" fill="${c}"/><ellipse cx="200" cy="262" rx="90" ry="16" ${shade(0.1)}/><path d="M130 160h140q0 90-70 90t-70-90z" fill="${c}"/><path d="M130 160h140" stroke="#000" opacity=".15" stroke-width="4"/>`,
  mug: (c) =>
    `<rect x="120" y="130" width="130" height="160" rx="18" fill="${c}"/><path d="M250 170q50 0 50 45t-50 45" stroke="${c}" stroke-width="18" fill="none"/><rect x="134" y="144" width="14" height="120" rx="7" ${shine}/>`,
  glass: (c) =>
    `<path d="M140 110h120l-14 180h-92z" fill="#e3f2fd" opacity=".8"/><path d="M146 190h108l-8 100h-92z" fill="${c}" opacity=".6"/><path d="M152 120l-4 150" stroke="#fff" stroke-width="6" opacity=".7"/>`,
  kettle: (c) =>
    `<path d="M130 290l10-150q60-30 120 0l10 150z" fill="${c}"/><path d="M270 170q50 0 44 60q-4 40-44 56" stroke="#333" stroke-width="14" fill="none"/><path d="M136 170l-50-40l10-10l48 34z" fill="${c}"/><rect x="176" y="110" width="48" height="20" rx="8" fill="#333"/>`,
  toaster: (c) =>
    `<rect x="100" y="160" width="200" height="130" rx="30" fill="${c}"/><rect x="140" y="150" width="40" height="14" rx="4" fill="#333"/><rect x="220" y="150" width="40" height="14" rx="4" fill="#333"/><path d="M150 150q0-30 20-30q20 0 20 30z" fill="#d7a86e"/><rect x="290" y="200" width="14" height="40" rx="4" fill="#333"/>`,
  blender: (c) =>
    `<path d="M150 80h100l-10 140h-80z" fill="#e3f2fd" opacity=".85"/><path d="M156 150h88l-6 70h-76z" fill="#81c784" opacity=".8"/><rect x="140" y="220" width="120" height="76" rx="14" fill="${c}"/><circle cx="200" cy="258" r="14" fill="#fff" opacity=".8"/>`,
};
