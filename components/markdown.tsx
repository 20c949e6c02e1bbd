import { Fragment } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { parseMarkdown, type Block, type Inline } from "@/lib/markdown";
import { cn } from "@/lib/utils";

export interface MarkdownProps {
  source: string;
  className?: string;
}

/** Renders rule text. Everything goes through React's escaping: no HTML from the source is injected. */
export function Markdown({ source, className }: MarkdownProps) {
  return (
    <div className={cn("flex flex-col gap-3 text-sm leading-6 text-slate-700", className)}>
      <Blocks blocks={parseMarkdown(source)} />
    </div>
  );
}

/** One line of inline markdown (code spans, emphasis, links), e.g. a rule summary. */
export function InlineMarkdown({ source }: { source: string }) {
  return <Inlines nodes={parseMarkdown(source).flatMap((block) => (block.type === "paragraph" ? block.children : []))} />;
}

function Blocks({ blocks, isTight = false }: { blocks: Block[]; isTight?: boolean }) {
  return blocks.map((block, index) => <BlockNode key={index} block={block} isTight={isTight} />);
}

function BlockNode({ block, isTight }: { block: Block; isTight: boolean }) {
  switch (block.type) {
    case "paragraph":
      return isTight ? (
        <Inlines nodes={block.children} />
      ) : (
        <p>
          <Inlines nodes={block.children} />
        </p>
      );
    case "heading":
      // Rule texts sit under the page's own h2 sections.
      return (
        <h3 className="font-semibold text-slate-900">
          <Inlines nodes={block.children} />
        </h3>
      );
    case "code":
      return (
        <div className="relative min-w-0">
          <pre className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 p-3 pr-20 font-mono text-xs leading-5 text-slate-800">
            <code data-language={block.lang ?? undefined}>{block.text}</code>
          </pre>
          <CopyButton text={block.text} label="Copy snippet" className="absolute right-2 top-2" />
        </div>
      );
    case "list": {
      const ListTag = block.ordered ? "ol" : "ul";
      // A list whose items are single paragraphs renders tight, without <p> margins.
      const isTightList = block.items.every((item) => item.filter((child) => child.type === "paragraph").length <= 1);
      return (
        <ListTag
          start={block.ordered && block.start !== 1 ? block.start : undefined}
          className={cn("flex flex-col gap-1.5 pl-5", block.ordered ? "list-decimal" : "list-disc")}
        >
          {block.items.map((item, index) => (
            <li key={index} className="pl-1 [&>*+*]:mt-2">
              <Blocks blocks={item} isTight={isTightList} />
            </li>
          ))}
        </ListTag>
      );
    }
    case "quote":
      return (
        <blockquote className="flex flex-col gap-2 border-l-4 border-slate-200 pl-3 text-slate-600">
          <Blocks blocks={block.children} />
        </blockquote>
      );
    case "table":
      return (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-200">
              <tr>
                {block.header.map((cell, index) => (
                  <th key={index} scope="col" className="px-2 py-1 font-semibold">
                    <Inlines nodes={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <td key={index} className="px-2 py-1 align-top">
                      <Inlines nodes={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

function Inlines({ nodes }: { nodes: Inline[] }) {
  return nodes.map((node, index) => <InlineNode key={index} node={node} />);
}

function InlineNode({ node }: { node: Inline }) {
  switch (node.type) {
    case "text":
      return <Fragment>{node.text}</Fragment>;
    case "code":
      return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">{node.text}</code>;
    case "strong":
      return (
        <strong className="font-semibold text-slate-900">
          <Inlines nodes={node.children} />
        </strong>
      );
    case "em":
      return (
        <em>
          <Inlines nodes={node.children} />
        </em>
      );
    case "link": {
      const isExternal = /^https?:/i.test(node.href);
      return (
        <a
          href={node.href}
          className="font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900"
          {...(isExternal ? { target: "_blank", rel: "noreferrer noopener" } : {})}
        >
          <Inlines nodes={node.children} />
        </a>
      );
    }
  }
}
