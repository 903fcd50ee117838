import { render, toPlainText } from "@react-email/render";
import type { MailTemplateName } from "@shared/contracts/mail";
import { templateElement } from "./templates";

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
