import { Alert, Button, Code, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { FormattedMessage } from 'react-intl';
import { describeProblem } from '../api/problem.ts';

interface ErrorPanelProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed request or render: the problem's title and detail, the request id for support, and Retry. */
export function ErrorPanel({ error, onRetry }: ErrorPanelProps) {
  const problem = describeProblem(error);
  const fieldErrors = Object.entries(problem.fieldErrors);
  return (
    <Alert color="red" variant="light" title={problem.title} icon={<IconAlertTriangle />}>
      <Stack gap="xs" align="flex-start">
        {problem.detail && <Text size="sm">{problem.detail}</Text>}
        {fieldErrors.length > 0 && (
          <List size="sm">
            {fieldErrors.map(([field, message]) => (
              <List.Item key={field}>
                {field}: {message}
              </List.Item>
            ))}
          </List>
        )}
        {problem.requestId && (
          <Text size="xs" c="dimmed">
            <FormattedMessage
              id="app.errorPanel.requestId"
              defaultMessage="Request id: {requestId}"
              values={{ requestId: <Code>{problem.requestId}</Code> }}
            />
          </Text>
        )}
        {onRetry && (
          <Button
            variant="light"
            color="red"
            size="xs"
            leftSection={<IconRefresh size={16} />}
            onClick={onRetry}
          >
            <FormattedMessage id="app.errorPanel.retry" defaultMessage="Retry" />
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
