import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { getIssueBySlug, listIssueSlugs } from "@/lib/queries/issues";
import { LEVEL_LABEL, snapshotLabel } from "@/lib/site/labels";

export const alt = "A Faultlines policy issue and its current US–Israel divergence";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

// Read once at module scope, from the installed package: no network, and the image can be prerendered.
const fontDir = path.join(process.cwd(), "node_modules/geist/dist/fonts/geist-sans");
const fonts = Promise.all([
  readFile(path.join(fontDir, "Geist-Regular.ttf")),
  readFile(path.join(fontDir, "Geist-Bold.ttf")),
]);

const COLOURS = {
  aligned: { fg: "#1f6b4f", bg: "#e3f2eb" },
  partial: { fg: "#8a5a00", bg: "#fbefd5" },
  divergent: { fg: "#a1262b", bg: "#fbe3e2" },
  none: { fg: "#5b5e64", bg: "#eceae5" },
} as const;

export async function generateStaticParams() {
  return (await listIssueSlugs()).map((slug) => ({ slug }));
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const [regular, bold] = await fonts;
  const issue = await getIssueBySlug((await params).slug);
  const latest = issue?.divergence.at(-1) ?? null;
  const colour = latest ? COLOURS[latest.level] : COLOURS.none;
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        background: "#fbfaf7",
        color: "#1b1c1e",
        fontFamily: "Geist",
      }}
    >
      <div style={{ display: "flex", fontSize: 30, fontWeight: 700, letterSpacing: 1 }}>
        <span>Fault</span>
        <span style={{ color: "#a1262b" }}>lines</span>
        <span style={{ marginLeft: 24, fontWeight: 400, color: "#595c62" }}>Policy issue</span>
      </div>
      <div style={{ display: "flex", fontSize: 68, fontWeight: 700, lineHeight: 1.1, maxWidth: 1050 }}>
        {issue?.title ?? "Policy issue"}
      </div>
      <div style={{ display: "flex", alignItems: "center", gap: 24 }}>
        <div style={{ display: "flex", fontSize: 30, color: "#595c62" }}>US–Israel:</div>
        <div
          style={{
            display: "flex",
            alignItems: "center",
            gap: 14,
            fontSize: 38,
            fontWeight: 700,
            color: colour.fg,
            background: colour.bg,
            borderRadius: 999,
            padding: "10px 30px",
          }}
        >
          <LevelShape level={latest?.level ?? null} colour={colour.fg} />
          {latest ? LEVEL_LABEL[latest.level] : "Not rated"}
        </div>
        {latest && (
          <div style={{ display: "flex", fontSize: 30, color: "#595c62" }}>
            as of {snapshotLabel(latest.article)}
          </div>
        )}
      </div>
    </div>,
    {
      ...size,
      fonts: [
        { name: "Geist", data: regular, weight: 400, style: "normal" },
        { name: "Geist", data: bold, weight: 700, style: "normal" },
      ],
    },
  );
}

function LevelShape({ level, colour }: { level: keyof typeof COLOURS | null; colour: string }) {
  const path =
    level === "aligned"
      ? "M16 3a13 13 0 1 0 0.01 0z"
      : level === "divergent"
        ? "M16 3 30 29H2z"
        : level === "partial"
          ? "M16 4a12 12 0 0 1 0 24z"
          : "M16 4a12 12 0 1 0 0.01 0z";
  return (
    <svg width="32" height="32" viewBox="0 0 32 32">
      {level === "partial" && <circle cx="16" cy="16" r="12" fill="none" stroke={colour} strokeWidth="3" />}
      <path
        d={path}
        fill={level === "none" || level === null ? "none" : colour}
        stroke={colour}
        strokeWidth="3"
      />
    </svg>
  );
}
