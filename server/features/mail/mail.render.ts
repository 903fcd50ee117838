import type { MailTemplateName } from "@shared/contracts/mail";

/**
 * React, react-email and the templates (~20 MB of RSS) load on the first mail rendered, not at boot (ADR 077):
 * a web replica with JOBS_MODE=off never renders one.
 */
const loadRenderer = () => Promise.all([import("@react-email/render"), import("./templates")]);

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/**
 * HTML and plain text from one source: the component renders the HTML, the text part is derived from that
 * HTML (links keep their URLs, the items table stays a table), so the two can never say different things.
 */
export async function renderMail(template: MailTemplateName, props: unknown, baseUrl: string): Promise<RenderedMail> {
  const [{ render, toPlainText }, { templateElement }] = await loadRenderer();
  const { subject, element } = templateElement(template, props, baseUrl);
  const html = await render(element);
  const text = toPlainText(html, {
    selectors: [
      { selector: "table.items", format: "dataTable", options: { maxColumnWidth: 40 } },
      { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
    ],
  });
  return { subject, html, text };
}

/** Each template rendered with its demo props (the admin preview), with its description, in the given order. */
export async function renderDemos(
  templates: readonly MailTemplateName[],
  baseUrl: string,
): Promise<Array<RenderedMail & { template: MailTemplateName; description: string }>> {
  const [, { mailTemplates }] = await loadRenderer();
  return Promise.all(
    templates.map(async (template) => {
      const entry = mailTemplates[template];
      return { template, description: entry.description, ...(await renderMail(template, entry.demo, baseUrl)) };
    }),
  );
}
