import { Center, Loader } from '@mantine/core';

/** Shown while a route waits for its data (for example /api/me on first load). */
export function PageLoader() {
  return (
    <Center mih="50vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}
