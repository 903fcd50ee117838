/* @jsxRuntime automatic */
// The pragma, not only tsconfig.server.json: tsx (npm run worker, npm run dev) reads the solution tsconfig.json, which
// covers no files, and would compile JSX to React.createElement with no React in scope — every mail.send would fail.
import type { CSSProperties, ReactNode } from "react";
import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Text } from "@react-email/text";

// Inline styles only: most mail clients drop <style> blocks and external CSS.
const styles = {
  body: { backgroundColor: "#f4f5f0", fontFamily: "Helvetica, Arial, sans-serif", color: "#1f2a1c", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: 8, padding: "24px 32px", maxWidth: 600 },
  brand: { color: "#3f7a33", fontSize: 14, fontWeight: 700, letterSpacing: 1, margin: 0 },
  heading: { fontSize: 22, margin: "12px 0 16px" },
  footer: { color: "#6b7366", fontSize: 12, lineHeight: "18px" },
  button: {
    backgroundColor: "#3f7a33",
    borderRadius: 6,
    color: "#ffffff",
    display: "inline-block",
    fontWeight: 600,
    padding: "10px 18px",
    textDecoration: "none",
  },
} satisfies Record<string, CSSProperties>;

export const textStyle: CSSProperties = { fontSize: 15, lineHeight: "22px", margin: "0 0 12px" };

export interface LayoutProps {
  /** The inbox preview line. */
  preview: string;
  heading: string;
  baseUrl: string;
  children: ReactNode;
}

export function MailLayout({ preview, heading, baseUrl, children }: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>FRUITFULPLANET</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr />
          <Text style={styles.footer}>
            You receive this e-mail because of your account at <Link href={baseUrl}>FruitfulPlanet</Link>. Questions? Reply to this message.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A call to action; the plain-text part shows the label followed by the URL. */
export function ActionLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Text style={textStyle}>
      <Link href={href} style={styles.button}>
        {children}
      </Link>
    </Text>
  );
}
