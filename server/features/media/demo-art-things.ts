import type { Draw } from "./demo-art-food";

/** Demo catalog drawings, part 2: home, outdoors, wellness, electronics, books and games, kids, pets (see part 1). */
const shine = `fill="#fff" opacity=".35"`;
const dark = "#37474f";

export const THING_ART: Record<string, Draw> = {
  planter: (c) =>
    `${[-40, -15, 10, 35].map((a) => `<path transform="rotate(${a} 200 190)" d="M200 190q-30-60 0-110q30 50 0 110z" fill="#43a047"/>`).join("")}<path d="M130 190h140l-20 110h-100z" fill="${c}"/><rect x="122" y="180" width="156" height="24" rx="6" fill="${c}"/><rect x="122" y="180" width="156" height="24" rx="6" fill="#000" opacity=".1"/>`,
  houseplant: (c) =>
    `${[-60, -30, 0, 30, 60].map((a) => `<path transform="rotate(${a} 200 210)" d="M200 210q-54-70 0-160q54 90 0 160z" fill="#2e7d32"/><path transform="rotate(${a} 200 210)" d="M200 206v-140" stroke="#81c784" stroke-width="3"/>`).join("")}<path d="M146 210h108l-14 90h-80z" fill="${c}"/>`,
  seeds: (c) =>
    `<rect x="120" y="90" width="160" height="210" rx="8" fill="${c}"/><path d="M120 110h160" stroke="#000" opacity=".15" stroke-width="6" stroke-dasharray="6 6"/><rect x="140" y="130" width="120" height="120" rx="10" fill="#fff" opacity=".85"/>${["#e53935", "#f6c945", "#8e24aa"].map((f, i) => `<circle cx="${170 + i * 30}" cy="${180 + (i % 2) * 20}" r="14" fill="${f}"/>`).join("")}<path d="M170 195v40M200 215v20M230 195v40" stroke="#43a047" stroke-width="4"/>`,
  trowel: (c) =>
    `<path d="M200 70q60 40 40 130l-40 20l-40-20q-20-90 40-130z" fill="#b0bec5"/><rect x="190" y="212" width="20" height="30" fill="#90a4ae"/><rect x="180" y="236" width="40" height="70" rx="16" fill="${c}"/>`,
  wateringcan: (c) =>
    `<rect x="130" y="160" width="140" height="130" rx="16" fill="${c}"/><path d="M270 200l70-60l10 10l-64 76z" fill="${c}"/><ellipse cx="344" cy="140" rx="14" ry="8" fill="${c}" transform="rotate(-40 344 140)"/><path d="M150 160q50-80 100 0" stroke="${c}" stroke-width="14" fill="none"/>`,
  linens: (c) =>
    [0, 1, 2]
      .map(
        (i) =>
          `<rect x="${110 + i * 6}" y="${230 - i * 50}" width="${180 - i * 12}" height="48" rx="10" fill="${c}"/><rect x="${110 + i * 6}" y="${230 - i * 50}" width="${180 - i * 12}" height="48" rx="10" fill="#fff" opacity="${0.1 + i * 0.12}"/>`,
      )
      .join(""),
  throw: (c) =>
    `<path d="M100 150q100-30 200 0v120q-100 30-200 0z" fill="${c}"/><path d="M100 190q100-30 200 0M100 230q100-30 200 0" stroke="#fff" stroke-width="6" opacity=".3" fill="none"/>${Array.from({ length: 12 }, (_, i) => `<path d="M${108 + i * 16} 282v18" stroke="${c}" stroke-width="4"/>`).join("")}`,
  candle: (c) =>
    `<path d="M200 110q-18 26 0 44q18-18 0-44z" fill="#ffb300"/><path d="M200 128q-7 12 0 20q7-8 0-20z" fill="#fff3c4"/><path d="M200 154v16" stroke="#333" stroke-width="3"/><rect x="130" y="168" width="140" height="130" rx="14" fill="${c}"/><ellipse cx="200" cy="170" rx="70" ry="12" fill="#fff" opacity=".5"/><rect x="144" y="210" width="112" height="50" rx="6" fill="#fff" opacity=".7"/>`,
  spray: (c) =>
    `<path d="M170 80h70l20 20h-20v30h-70z" fill="${dark}"/><path d="M176 130h58l6 30q30 20 30 60v70q0 10-10 10h-110q-10 0-10-10v-70q0-40 30-60z" fill="${c}"/><rect x="150" y="200" width="100" height="60" rx="8" fill="#fff" opacity=".75"/>`,
  lamp: (c) =>
    `<path d="M140 90h120l40 110h-200z" fill="${c}"/><rect x="192" y="200" width="16" height="80" fill="#8d6e63"/><ellipse cx="200" cy="292" rx="60" ry="12" fill="#8d6e63"/><path d="M150 200h100" stroke="#fff59d" stroke-width="8" opacity=".8"/>`,
  lantern: (c) =>
    `<path d="M170 90q30-40 60 0" stroke="${dark}" stroke-width="8" fill="none"/><rect x="150" y="100" width="100" height="24" rx="6" fill="${c}"/><rect x="160" y="124" width="80" height="140" rx="10" fill="#fff59d"/><path d="M160 160h80M160 200h80M160 240h80" stroke="${c}" stroke-width="6"/><rect x="146" y="262" width="108" height="30" rx="6" fill="${c}"/>`,
  birdhouse: (c) =>
    `<path d="M110 160l90-80l90 80z" fill="#6d4c41"/><rect x="130" y="150" width="140" height="130" fill="${c}"/><circle cx="200" cy="200" r="24" fill="#3e2723"/><rect x="176" y="236" width="48" height="8" fill="#6d4c41"/><rect x="194" y="280" width="12" height="20" fill="#6d4c41"/>`,
  barrel: (c) =>
    `<path d="M130 100h140q20 100 0 200h-140q-20-100 0-200z" fill="${c}"/>${[140, 200, 260].map((y) => `<path d="M${124} ${y}h152" stroke="${dark}" stroke-width="8"/>`).join("")}<ellipse cx="200" cy="100" rx="70" ry="14" fill="#000" opacity=".2"/>`,
  tent: (c) =>
    `<path d="M80 290l120-190l120 190z" fill="${c}"/><path d="M200 100l-30 190h60z" fill="#000" opacity=".25"/><path d="M200 100v-20" stroke="${dark}" stroke-width="6"/><path d="M60 290h280" stroke="#6d4c41" stroke-width="6"/>`,
  backpack: (c) =>
    `<path d="M170 110q30-40 60 0" stroke="${dark}" stroke-width="10" fill="none"/><rect x="120" y="110" width="160" height="190" rx="40" fill="${c}"/><rect x="150" y="200" width="100" height="70" rx="16" fill="#000" opacity=".15"/><path d="M120 160h160" stroke="#000" opacity=".2" stroke-width="6"/>`,
  sleepingbag: (c) =>
    `<ellipse cx="200" cy="200" rx="100" ry="100" fill="${c}"/><ellipse cx="200" cy="200" rx="64" ry="64" fill="#000" opacity=".12"/><ellipse cx="200" cy="200" rx="30" ry="30" fill="${c}"/><rect x="100" y="190" width="200" height="110" fill="${c}"/><path d="M100 300h200" stroke="#000" opacity=".2" stroke-width="4"/>`,
  jacket: (c) =>
    `<path d="M160 90h80l60 40l30 100l-34 10l-26-70v130h-140v-130l-26 70l-34-10l30-100z" fill="${c}"/><path d="M200 96v204" stroke="#000" opacity=".25" stroke-width="5"/><path d="M170 90q30 30 60 0" fill="#000" opacity=".2"/>`,
  tshirt: (c) => `<path d="M160 100h80l70 40l-24 44l-36-16v132h-120v-132l-36 16l-24-44z" fill="${c}"/><path d="M170 100q30 26 60 0" fill="#000" opacity=".2"/>`,
  trousers: (c) => `<path d="M140 90h120l16 210h-56l-20-150l-20 150h-56z" fill="${c}"/><rect x="140" y="90" width="120" height="20" fill="#000" opacity=".2"/>`,
  sock: (c) =>
    `<path d="M170 80h70v140q0 40-30 60l-40 20q-40 10-50-20t20-40l30-20z" fill="${c}"/><rect x="170" y="80" width="70" height="26" fill="#fff" opacity=".4"/>`,
  boot: (c) =>
    `<path d="M140 90h80v120l80 30q20 10 20 40v10h-200z" fill="${c}"/><rect x="120" y="282" width="200" height="18" rx="6" fill="${dark}"/>${[120, 145, 170].map((y) => `<path d="M150 ${y}h60" stroke="#fff" opacity=".5" stroke-width="4"/>`).join("")}`,
  poles: (c) =>
    `<path d="M150 80l40 220M250 80l-40 220" stroke="${dark}" stroke-width="8"/><rect x="140" y="70" width="22" height="60" rx="8" fill="${c}" transform="rotate(-10 151 100)"/><rect x="238" y="70" width="22" height="60" rx="8" fill="${c}" transform="rotate(10 249 100)"/>`,
  compass: (c) =>
    `<circle cx="200" cy="200" r="90" fill="${c}"/><circle cx="200" cy="200" r="70" fill="#fff"/><path d="M200 140l16 60h-32z" fill="#e53935"/><path d="M200 260l16-60h-32z" fill="${dark}"/>`,
  tube: (c) =>
    `<path d="M150 90h100l-10 170h-80z" fill="${c}"/><rect x="174" y="260" width="52" height="40" rx="8" fill="${dark}"/><rect x="166" y="130" width="68" height="70" rx="8" fill="#fff" opacity=".75"/><path d="M150 90h100" stroke="#000" opacity=".2" stroke-width="10"/>`,
  pump: (c) =>
    `<path d="M190 70h60v14h-40v30h-20z" fill="${dark}"/><rect x="182" y="112" width="36" height="26" fill="${dark}"/><rect x="140" y="136" width="120" height="164" rx="24" fill="${c}"/><rect x="156" y="190" width="88" height="70" rx="8" fill="#fff" opacity=".75"/>`,
  dropper: (c) =>
    `<ellipse cx="200" cy="88" rx="18" ry="22" fill="${dark}"/><rect x="180" y="104" width="40" height="36" rx="4" fill="#bdbdbd"/><rect x="150" y="140" width="100" height="160" rx="20" fill="${c}"/><rect x="164" y="190" width="72" height="60" rx="6" fill="#fff" opacity=".75"/>`,
  soap: (c) =>
    `<rect x="110" y="180" width="180" height="100" rx="36" fill="${c}"/><rect x="130" y="190" width="140" height="30" rx="14" ${shine}/>${[0, 1, 2].map((i) => `<circle cx="${160 + i * 40}" cy="${150 - (i % 2) * 20}" r="${14 - i * 2}" fill="#e1f5fe" stroke="#90caf9" stroke-width="2"/>`).join("")}`,
  pillbottle: (c) =>
    `<rect x="140" y="90" width="120" height="40" rx="8" fill="#fff"/><rect x="130" y="128" width="140" height="172" rx="18" fill="${c}"/><rect x="146" y="180" width="108" height="80" rx="8" fill="#fff" opacity=".8"/><rect x="160" y="206" width="40" height="16" rx="8" fill="#f4a261"/><rect x="196" y="206" width="40" height="16" rx="8" fill="#fff" stroke="#ccc"/>`,
  mat: (c) =>
    `<rect x="90" y="220" width="180" height="70" rx="6" fill="${c}"/><circle cx="280" cy="230" r="60" fill="${c}"/><circle cx="280" cy="230" r="40" fill="#000" opacity=".15"/><circle cx="280" cy="230" r="20" fill="${c}"/>`,
  mask: (c) =>
    `<path d="M90 190q110-50 220 0q10 60-50 60q-40 0-60-20q-20 20-60 20q-60 0-50-60z" fill="${c}"/><path d="M90 200q-30 0-40 20M310 200q30 0 40 20" stroke="${c}" stroke-width="8" fill="none"/>`,
  diffuser: (c) =>
    `<path d="M140 300q-10-120 60-150q70 30 60 150z" fill="${c}"/><circle cx="200" cy="146" r="10" fill="${dark}"/>${[0, 1, 2].map((i) => `<path d="M${190 + i * 10} 130q-20-30 0-60" stroke="#b0bec5" stroke-width="5" fill="none" opacity="${0.7 - i * 0.2}"/>`).join("")}`,
  toothbrush: (c) =>
    `<rect x="100" y="220" width="220" height="24" rx="12" fill="${c}" transform="rotate(-20 210 232)"/><rect x="250" y="150" width="60" height="30" rx="4" fill="#fff" transform="rotate(-20 280 165)"/>${[0, 1, 2, 3].map((i) => `<path d="M${258 + i * 14} ${168 - i * 5}v-22" stroke="#4fc3f7" stroke-width="6" transform="rotate(-20 280 165)"/>`).join("")}`,
  headphones: (c) =>
    `<path d="M110 220q0-120 90-120t90 120" stroke="${c}" stroke-width="22" fill="none"/><rect x="90" y="200" width="56" height="96" rx="24" fill="${c}"/><rect x="254" y="200" width="56" height="96" rx="24" fill="${c}"/><rect x="100" y="212" width="14" height="70" rx="7" ${shine}/>`,
  earbuds: (c) =>
    `<rect x="130" y="190" width="140" height="100" rx="46" fill="#eceff1"/><path d="M130 230h140" stroke="#b0bec5" stroke-width="3"/><circle cx="160" cy="140" r="30" fill="${c}"/><rect x="150" y="140" width="20" height="60" rx="10" fill="${c}"/><circle cx="240" cy="140" r="30" fill="${c}"/><rect x="230" y="140" width="20" height="60" rx="10" fill="${c}"/>`,
  speaker: (c) =>
    `<rect x="130" y="90" width="140" height="210" rx="30" fill="${c}"/><circle cx="200" cy="150" r="30" fill="#000" opacity=".3"/><circle cx="200" cy="235" r="46" fill="#000" opacity=".3"/><circle cx="200" cy="235" r="16" fill="#fff" opacity=".3"/>`,
  soundbar: (c) =>
    `<rect x="50" y="200" width="300" height="64" rx="26" fill="${c}"/><rect x="66" y="212" width="268" height="40" rx="18" fill="url(#dots)" opacity=".35"/><rect x="90" y="264" width="20" height="14" fill="${dark}"/><rect x="290" y="264" width="20" height="14" fill="${dark}"/><circle cx="330" cy="232" r="4" fill="#8bc34a"/>`,
  charger: (c) =>
    `<rect x="130" y="120" width="110" height="150" rx="22" fill="${c}"/><rect x="160" y="90" width="12" height="34" fill="#b0bec5"/><rect x="198" y="90" width="12" height="34" fill="#b0bec5"/><path d="M185 270q0 40 60 40t60-60v-60" stroke="${dark}" stroke-width="10" fill="none"/><rect x="296" y="164" width="18" height="30" rx="4" fill="#b0bec5"/>`,
  powerbank: (c) =>
    `<rect x="120" y="110" width="160" height="190" rx="26" fill="${c}"/>${[0, 1, 2, 3].map((i) => `<circle cx="${164 + i * 24}" cy="150" r="6" fill="${i < 3 ? "#8bc34a" : "#fff"}" opacity=".9"/>`).join("")}<rect x="176" y="280" width="48" height="10" rx="4" fill="${dark}"/>`,
  smartplug: (c) =>
    `<rect x="120" y="110" width="160" height="170" rx="30" fill="${c}"/><circle cx="200" cy="195" r="52" fill="#000" opacity=".08"/><rect x="180" y="170" width="10" height="30" rx="4" fill="${dark}"/><rect x="210" y="170" width="10" height="30" rx="4" fill="${dark}"/><circle cx="250" cy="136" r="6" fill="#4fc3f7"/>`,
  bulb: (c) =>
    `<circle cx="200" cy="160" r="70" fill="#fff59d"/><circle cx="200" cy="160" r="70" fill="${c}" opacity=".25"/><path d="M170 220h60v30h-60z" fill="#fff59d"/><rect x="168" y="250" width="64" height="44" rx="8" fill="#9e9e9e"/><path d="M170 262h60M170 278h60" stroke="#616161" stroke-width="4"/>`,
  securitycam: (c) =>
    `<rect x="130" y="110" width="150" height="150" rx="40" fill="${c}"/><circle cx="205" cy="180" r="40" fill="${dark}"/><circle cx="205" cy="180" r="18" fill="#4fc3f7"/><rect x="180" y="260" width="50" height="40" fill="${c}"/><circle cx="250" cy="130" r="6" fill="#e53935"/>`,
  keyboard: (c) =>
    `<rect x="60" y="170" width="280" height="110" rx="16" fill="${c}"/>${Array.from({ length: 30 }, (_, i) => `<rect x="${76 + (i % 10) * 26}" y="${184 + Math.floor(i / 10) * 26}" width="20" height="20" rx="4" fill="#fff" opacity=".75"/>`).join("")}<rect x="130" y="262" width="140" height="12" rx="4" fill="#fff" opacity=".75"/>`,
  mouse: (c) =>
    `<rect x="150" y="110" width="100" height="170" rx="50" fill="${c}"/><path d="M200 110v60M150 170h100" stroke="#000" opacity=".2" stroke-width="4"/><rect x="194" y="130" width="12" height="24" rx="6" fill="#fff" opacity=".7"/>`,
  laptop: (c) =>
    `<rect x="110" y="100" width="180" height="130" rx="10" fill="${dark}"/><rect x="122" y="112" width="156" height="106" fill="#90caf9"/><path d="M80 230h240l-10 40h-220z" fill="${c}"/>`,
  watch: (c) =>
    `<rect x="170" y="70" width="60" height="260" rx="20" fill="${c}"/><rect x="140" y="140" width="120" height="120" rx="30" fill="${dark}"/><rect x="152" y="152" width="96" height="96" rx="22" fill="#263238"/><path d="M200 200v-28M200 200l18 12" stroke="#4fc3f7" stroke-width="6" stroke-linecap="round"/>`,
  camera: (c) =>
    `<rect x="90" y="140" width="220" height="150" rx="20" fill="${c}"/><rect x="120" y="118" width="60" height="30" rx="8" fill="${c}"/><circle cx="210" cy="215" r="56" fill="${dark}"/><circle cx="210" cy="215" r="30" fill="#4fc3f7"/><circle cx="275" cy="165" r="8" fill="#fff"/>`,
  tripod: (c) =>
    `<rect x="160" y="90" width="80" height="50" rx="10" fill="${c}"/><path d="M200 140v60M200 200l-70 100M200 200l70 100M200 200v100" stroke="${dark}" stroke-width="8"/>`,
  tablet: (c) =>
    `<rect x="120" y="80" width="160" height="220" rx="20" fill="${c}"/><rect x="132" y="96" width="136" height="180" rx="6" fill="#e3f2fd"/><path d="M150 130h100M150 155h100M150 180h70" stroke="#90a4ae" stroke-width="6"/><circle cx="200" cy="288" r="5" fill="#fff"/>`,
  book: (c) =>
    `<rect x="120" y="80" width="170" height="220" rx="6" fill="${c}"/><rect x="120" y="80" width="24" height="220" fill="#000" opacity=".2"/><rect x="286" y="92" width="10" height="200" fill="#f5f0e1"/><rect x="170" y="130" width="90" height="40" rx="4" fill="#fff" opacity=".7"/>`,
  notebook: (c) =>
    `<rect x="125" y="80" width="160" height="220" rx="12" fill="${c}"/><rect x="250" y="80" width="10" height="220" fill="#000" opacity=".25"/>${Array.from({ length: 8 }, (_, i) => `<circle cx="125" cy="${100 + i * 26}" r="6" fill="#9e9e9e"/>`).join("")}`,
  puzzle: (c) =>
    `<path d="M120 120h60q-10-30 20-30t20 30h60v60q30-10 30 20t-30 20v60h-60q10 30-20 30t-20-30h-60v-60q-30 10-30-20t30-20z" fill="${c}"/><path d="M120 120h60q-10-30 20-30t20 30h60v60q30-10 30 20t-30 20v60h-60q10 30-20 30t-20-30h-60v-60q-30 10-30-20t30-20z" fill="#fff" opacity=".15" transform="translate(10 -10) scale(.95)"/>`,
  boardgame: (c) =>
    `<rect x="80" y="150" width="240" height="140" rx="10" fill="${c}"/><rect x="80" y="150" width="240" height="30" fill="#000" opacity=".15"/><rect x="120" y="200" width="44" height="44" rx="8" fill="#fff" transform="rotate(-12 142 222)"/>${[
      [132, 212],
      [152, 232],
    ]
      .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="5" fill="${dark}"/>`)
      .join("")}<path d="M240 250q-10-40 10-50a12 12 0 1 1 20 0q20 10 10 50z" fill="#fff"/>`,
  chess: (c) =>
    `<path d="M160 290h80l-10-30h-60z" fill="${c}"/><path d="M172 260l8-90h40l8 90z" fill="${c}"/><circle cx="200" cy="150" r="30" fill="${c}"/><path d="M190 110h20M200 100v20" stroke="${c}" stroke-width="8"/>`,
  cards: (c) =>
    `<rect x="130" y="110" width="110" height="160" rx="12" fill="#fff" stroke="#ccc" stroke-width="3" transform="rotate(-12 185 190)"/><rect x="160" y="110" width="110" height="160" rx="12" fill="#fff" stroke="#ccc" stroke-width="3" transform="rotate(8 215 190)"/><path d="M215 160q-30 30 0 50q30-20 0-50z" fill="${c}" transform="rotate(8 215 190)"/>`,
  bear: (c) =>
    `<circle cx="150" cy="110" r="28" fill="${c}"/><circle cx="250" cy="110" r="28" fill="${c}"/><circle cx="200" cy="150" r="66" fill="${c}"/><ellipse cx="200" cy="250" rx="80" ry="60" fill="${c}"/><ellipse cx="200" cy="172" rx="26" ry="18" fill="#fff" opacity=".5"/><circle cx="176" cy="140" r="7" fill="#222"/><circle cx="224" cy="140" r="7" fill="#222"/><circle cx="200" cy="166" r="7" fill="#222"/>`,
  blocks: (c) =>
    `<rect x="110" y="210" width="80" height="80" rx="8" fill="${c}"/><rect x="200" y="210" width="80" height="80" rx="8" fill="#f6c945"/><rect x="155" y="126" width="80" height="80" rx="8" fill="#4fc3f7"/><circle cx="150" cy="250" r="18" fill="#fff" opacity=".5"/><path d="M240 230l20 40h-40z" fill="#fff" opacity=".5"/>`,
  crayons: (c) =>
    [c, "#f6c945", "#43a047", "#1e88e5", "#8e24aa"]
      .map(
        (f, i) =>
          `<path d="M${120 + i * 36} 290v-140l14-34l14 34v140z" fill="${f}"/><rect x="${120 + i * 36}" y="${200}" width="28" height="30" fill="#fff" opacity=".5"/>`,
      )
      .join(""),
  robot: (c) =>
    `<rect x="130" y="100" width="140" height="100" rx="20" fill="${c}"/><circle cx="170" cy="150" r="16" fill="#fff"/><circle cx="230" cy="150" r="16" fill="#fff"/><circle cx="170" cy="150" r="7" fill="${dark}"/><circle cx="230" cy="150" r="7" fill="${dark}"/><path d="M200 100v-24" stroke="${dark}" stroke-width="6"/><circle cx="200" cy="72" r="8" fill="#e53935"/><rect x="150" y="206" width="100" height="84" rx="14" fill="${c}"/><rect x="170" y="226" width="60" height="20" rx="6" fill="#fff" opacity=".6"/>`,
  bike: (c) =>
    `<circle cx="130" cy="250" r="50" fill="none" stroke="${dark}" stroke-width="12"/><circle cx="280" cy="250" r="50" fill="none" stroke="${dark}" stroke-width="12"/><path d="M130 250l60-90h70l20 90M190 160l-10-30h-30M260 160l10-40h30" stroke="${c}" stroke-width="14" fill="none" stroke-linejoin="round"/>`,
  kite: (c) =>
    `<path d="M200 60l80 100l-80 120l-80-120z" fill="${c}"/><path d="M200 60v220M120 160h160" stroke="#fff" stroke-width="4" opacity=".6"/><path d="M200 280q-30 20 0 40q30 20 0 40" stroke="${dark}" stroke-width="3" fill="none"/>`,
  sippycup: (c) =>
    `<path d="M170 80h60l10 40h-80z" fill="#eceff1"/><rect x="140" y="118" width="120" height="24" rx="8" fill="${c}"/><path d="M150 142h100l-10 150h-80z" fill="${c}"/><path d="M140 190h-24v60h24M260 190h24v60h-24" stroke="${c}" stroke-width="10" fill="none"/>`,
  petbed: (c) =>
    `<ellipse cx="200" cy="250" rx="140" ry="50" fill="${c}"/><ellipse cx="200" cy="238" rx="100" ry="30" fill="#fff" opacity=".5"/><path d="M60 250q0-60 70-60M340 250q0-60-70-60" stroke="${c}" stroke-width="30" fill="none" stroke-linecap="round"/>`,
  ball: (c) =>
    `<circle cx="200" cy="210" r="86" fill="${c}"/><path d="M120 180q80 40 160 0M120 240q80-40 160 0" stroke="#fff" stroke-width="8" fill="none" opacity=".8"/>`,
  rope: (c) =>
    `<path d="M90 220q110-80 220 0" stroke="${c}" stroke-width="34" fill="none" stroke-linecap="round"/><path d="M90 220q110-80 220 0" stroke="#fff" stroke-width="34" fill="none" stroke-dasharray="12 24" opacity=".5"/><circle cx="90" cy="230" r="28" fill="${c}"/><circle cx="310" cy="230" r="28" fill="${c}"/>`,
  toymouse: (c) =>
    `<ellipse cx="210" cy="230" rx="90" ry="56" fill="${c}"/><circle cx="140" cy="190" r="24" fill="${c}"/><circle cx="140" cy="190" r="12" fill="#f8bbd0"/><circle cx="136" cy="224" r="6" fill="#222"/><path d="M300 230q60 10 40 60" stroke="${dark}" stroke-width="5" fill="none"/>`,
  leash: (c) =>
    `<path d="M200 100q-120 40-40 130q60 60 120 0" stroke="${c}" stroke-width="16" fill="none"/><circle cx="200" cy="100" r="20" fill="none" stroke="${dark}" stroke-width="8"/><ellipse cx="220" cy="260" rx="70" ry="30" fill="none" stroke="${c}" stroke-width="16"/><circle cx="280" cy="240" r="10" fill="#bdbdbd"/>`,
  brush: (c) =>
    `<rect x="110" y="170" width="160" height="70" rx="30" fill="${c}"/><rect x="260" y="190" width="110" height="30" rx="14" fill="${c}"/>${Array.from({ length: 10 }, (_, i) => `<path d="M${124 + i * 14} 240v30" stroke="#9e9e9e" stroke-width="4"/>`).join("")}`,
  can: (c) =>
    `<rect x="120" y="150" width="160" height="140" rx="10" fill="${c}"/><ellipse cx="200" cy="150" rx="80" ry="16" fill="#cfd8dc"/><ellipse cx="200" cy="150" rx="60" ry="10" fill="#b0bec5"/><path d="M120 180h160M120 262h160" stroke="#cfd8dc" stroke-width="6"/>`,
};
