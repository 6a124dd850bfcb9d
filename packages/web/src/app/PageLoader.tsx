import { Center, Loader } from '@mantine/core';
import { useIntl } from 'react-intl';

/** Shown while a route waits for its data (for example /api/me on first load). */
export function PageLoader() {
  const intl = useIntl();
  return (
    <Center mih="50vh">
      <Loader aria-label={intl.formatMessage({ id: 'app.pageLoader.loading', defaultMessage: 'Loading' })} />
    </Center>
  );
}
