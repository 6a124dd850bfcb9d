import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { FormattedMessage } from 'react-intl';
import type { FormProblem } from './use-tandem-form.ts';

/**
 * A failed submission's words that belong to no field. When every error landed on a field the fields say it all
 * and nothing is shown here.
 */
export function FormProblemAlert({ problem }: { problem: FormProblem | null }) {
  if (problem === null || (problem.onFields && problem.otherErrors.length === 0)) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle />} title={problem.title}>
      {problem.detail !== undefined && <Text size="sm">{problem.detail}</Text>}
      {problem.otherErrors.length > 0 && (
        <List size="sm" mt={problem.detail === undefined ? 0 : 'xs'}>
          {problem.otherErrors.map((fieldError) => (
            <List.Item key={`${fieldError.path} ${fieldError.message}`}>{fieldError.message}</List.Item>
          ))}
        </List>
      )}
      {problem.requestId !== undefined && (
        <Text size="xs" c="dimmed" mt="xs">
          <FormattedMessage
            id="forms.formProblemAlert.requestId"
            defaultMessage="Request id: {requestId}"
            values={{ requestId: problem.requestId }}
          />
        </Text>
      )}
    </Alert>
  );
}
