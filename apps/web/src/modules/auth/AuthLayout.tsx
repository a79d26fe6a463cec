import { Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The centred card that frames the signed-out screens (sign-in, first run). */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Stack w="100%" maw={420} gap="lg">
        <Group gap="xs" justify="center">
          <ThemeIcon size="lg" radius="md" variant="filled">
            <IconMessages size={20} />
          </ThemeIcon>
          <Text fw={700} fz="xl">
            Parley
          </Text>
        </Group>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          <Stack gap="xs" mb="lg">
            <Title order={2} fz="h3">
              {title}
            </Title>
            <Text c="dimmed" fz="sm">
              {subtitle}
            </Text>
          </Stack>
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
