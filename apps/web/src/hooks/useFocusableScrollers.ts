import { useEffect } from 'react';

const SCROLLERS = '.ant-table-wrapper, .ant-descriptions-view';

/**
 * Tables and description lists scroll sideways inside their own box on a phone (styles.css), so a keyboard user
 * must be able to reach them: each gets tabindex=0 (WCAG 2.1.1; axe "scrollable-region-focusable").
 * Also moves the tablist role of Ant Design's tab bars onto the element that holds only the tabs.
 */
export function useFocusableScrollers(): void {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
      }
      // Ant Design's tab bar puts its overflow ("more") button inside role=tablist, which ARIA does not allow
      // (axe "aria-required-children"): the list that holds the tabs carries the role instead.
      for (const nav of document.querySelectorAll<HTMLElement>('.ant-tabs-nav[role="tablist"]')) {
        const list = nav.querySelector<HTMLElement>('.ant-tabs-nav-list');
        if (!list) continue;
        const orientation = nav.getAttribute('aria-orientation');
        nav.removeAttribute('role');
        nav.removeAttribute('aria-orientation');
        if (list.getAttribute('role') !== 'tablist') list.setAttribute('role', 'tablist');
        if (orientation && !list.hasAttribute('aria-orientation')) list.setAttribute('aria-orientation', orientation);
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['role'] });
    return () => observer.disconnect();
  }, []);
}
