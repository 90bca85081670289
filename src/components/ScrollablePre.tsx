/**
 * Preformatted text that may scroll (rules, transcripts, YAML): it takes keyboard focus, so its overflow can be
 * scrolled with the arrow keys by someone without a mouse (WCAG 2.1.1; axe-core's scrollable-region-focusable).
 */
import type { HTMLAttributes, ReactNode } from 'react';

export interface ScrollablePreProps extends HTMLAttributes<HTMLPreElement> {
  children: ReactNode;
  'data-testid'?: string;
}

export function ScrollablePre({ children, ...rest }: ScrollablePreProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard to be scrolled at all
    <pre tabIndex={0} {...rest}>
      {children}
    </pre>
  );
}
