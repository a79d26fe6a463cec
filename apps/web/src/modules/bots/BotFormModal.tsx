import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  type Bot,
  type BotKind,
  type Channel,
  type CreatedBot,
  type KeywordRule,
  SaveBotRequest,
} from '@parley/contracts';
import { useState } from 'react';
import { CHANNEL_OPTIONS } from '../routing/field-options.ts';
import { useCreateBot, useUpdateBot } from './bots-api.ts';
import { KeywordRulesEditor } from './KeywordRulesEditor.tsx';

const ANY = '';

/** Creates or edits a webhook bot or the built-in keyword bot. */
export function BotFormModal({
  bot,
  kind,
  onClose,
  onCreated,
}: {
  bot: Bot | null;
  kind: BotKind;
  onClose: () => void;
  onCreated: (created: CreatedBot) => void;
}) {
  const create = useCreateBot();
  const update = useUpdateBot();
  const mutation = bot ? update : create;
  const [name, setName] = useState(bot?.name ?? '');
  const [enabled, setEnabled] = useState(bot?.enabled ?? true);
  const [channel, setChannel] = useState<string>(bot?.channel ?? ANY);
  const [destination, setDestination] = useState(bot?.destination ?? '');
  const [webhookUrl, setWebhookUrl] = useState(bot?.webhookUrl ?? '');
  const [timeoutMinutes, setTimeoutMinutes] = useState<number>((bot?.sessionTimeoutSeconds ?? 86400) / 60);
  const [rules, setRules] = useState<KeywordRule[]>(bot?.keywordRules ?? []);
  const [handover, setHandover] = useState<string[]>(bot?.handoverKeywords ?? []);
  const [fallback, setFallback] = useState(bot?.fallbackReply ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    const body = {
      name,
      kind,
      enabled,
      channel: channel === ANY ? null : (channel as Channel),
      destination: destination.trim() || null,
      webhookUrl: kind === 'WEBHOOK' ? webhookUrl.trim() || null : null,
      sessionTimeoutSeconds: Math.round(timeoutMinutes * 60),
      keywordRules: kind === 'KEYWORD' ? rules : [],
      handoverKeywords: kind === 'KEYWORD' ? handover : [],
      fallbackReply: kind === 'KEYWORD' ? fallback.trim() || null : null,
    };
    // The contract's own check, so the form names the field before the server is asked.
    const checked = SaveBotRequest.safeParse(body);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      setProblem(issue ? `${issue.path.join('.') || 'Bot'}: ${issue.message}` : 'Check the form');
      return;
    }
    setProblem(null);
    if (bot) update.mutate({ id: bot.id, body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onCreated });
  };

  const title = `${bot ? 'Edit' : 'New'} ${kind === 'WEBHOOK' ? 'webhook bot' : 'keyword auto-reply bot'}`;
  return (
    <Modal opened onClose={onClose} title={title} size={kind === 'KEYWORD' ? 720 : 560}>
      <Stack gap="sm" data-testid="bot-form">
        <Group align="flex-end">
          <TextInput
            label="Name"
            flex={1}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <Switch
            label="Enabled"
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <SimpleGrid cols={3} spacing="sm">
          <Select
            label="Channel"
            data={[{ value: ANY, label: 'Any channel' }, ...CHANNEL_OPTIONS]}
            value={channel}
            onChange={(v) => setChannel(v ?? ANY)}
            allowDeselect={false}
          />
          <TextInput
            label="Destination"
            placeholder="Any of our numbers"
            value={destination}
            onChange={(e) => setDestination(e.currentTarget.value)}
          />
          <NumberInput
            label="Hand over after silence (min)"
            min={1}
            max={1440}
            value={timeoutMinutes}
            onChange={(v) => typeof v === 'number' && setTimeoutMinutes(v)}
          />
        </SimpleGrid>
        {kind === 'WEBHOOK' ? (
          <TextInput
            label="Webhook URL"
            description="Customer messages are POSTed here, signed with the bot's secret."
            placeholder="https://bot.example.com/parley"
            value={webhookUrl}
            onChange={(e) => setWebhookUrl(e.currentTarget.value)}
          />
        ) : (
          <>
            <KeywordRulesEditor value={rules} onChange={setRules} />
            <TagsInput
              label="Hand-over keywords"
              description="A message with any of these goes to people at once (re-routed)."
              placeholder="agent, human…"
              value={handover}
              onChange={setHandover}
              acceptValueOnBlur
            />
            <Textarea
              label="Fallback reply"
              description="When no reply matches. Empty: stay silent."
              autosize
              minRows={2}
              value={fallback}
              onChange={(e) => setFallback(e.currentTarget.value)}
            />
          </>
        )}
        {(problem ?? mutation.error) && (
          <Alert color="red" p="xs" data-testid="bot-form-error">
            {problem ?? mutation.error?.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={mutation.isPending}>
            {bot ? 'Save bot' : 'Create bot'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
