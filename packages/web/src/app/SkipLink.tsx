import type { MouseEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import classes from './SkipLink.module.css';

export const mainContentId = 'main-content';

/**
 * The first stop of the Tab key: jumps past the header and navigation to the page (WCAG 2.4.1). Moves focus
 * itself rather than following the #fragment, so the router never sees a navigation.
 */
export function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(mainContentId);
    if (main === null) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <a href={`#${mainContentId}`} className={classes.skipLink} onClick={skip}>
      <FormattedMessage id="app.skipLink.label" defaultMessage="Skip to main content" />
    </a>
  );
}
