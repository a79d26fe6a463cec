import { Alert, Button, Group, SegmentedControl, Text, Textarea } from '@mantine/core';
import { type Channel, LIMITS, type ReplyWindow, type TemplateContext } from '@parley/contracts';
import { IconAlertTriangle, IconBrandWhatsapp, IconLock, IconSend } from '@tabler/icons-react';
import {
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import { SlashTemplatePicker } from '../../templates/SlashTemplatePicker.tsx';
import { TemplatesButton } from '../../templates/TemplatesButton.tsx';
import { WhatsAppTemplateForm } from '../../whatsapp-templates/WhatsAppTemplateForm.tsx';
import { AttachButton, AttachmentChip } from './AttachmentPicker.tsx';
import classes from './Composer.module.css';
import { MessengerTagSelect } from './MessengerTagSelect.tsx';
import { ReplyWindowNotice } from './ReplyWindowNotice.tsx';
import { type ComposedReply, useReplyExtras } from './use-reply-extras.ts';

export type ComposerMode = 'reply' | 'note';

/** What others may do with the composer: the view's shortcuts, and the template picker (text). */
export interface ComposerHandle {
  /** Focuses the text box, switching to `mode` first when given. */
  focus: (mode?: ComposerMode) => void;
  getText: () => string;
  /** Replaces the whole text (e.g. with a template), caret at the end. */
  setText: (text: string) => void;
  /** Inserts at the caret, replacing any selection. */
  insertText: (text: string) => void;
}

interface ComposerProps {
  ref?: Ref<ComposerHandle>;
  /** Why nothing can be written (CLOSED); null when notes can be added. */
  closedReason: string | null;
  /** Why this user cannot reply to the customer here; null when they can. */
  replyBlock: string | null;
  /** Offered next to `replyBlock` when taking the conversation would lift it. */
  onAssignToMe?: () => void;
  /** Sends a reply (optimistic: returns at once). */
  onReply: (reply: ComposedReply) => void;
  /** Adds a note; resolves true once stored (the text is kept otherwise). */
  onNote: (text: string) => Promise<boolean>;
  /** What was being written when the conversation was last open. */
  initialDraft?: { mode: ComposerMode; text: string };
  onDraftChange?: (draft: { mode: ComposerMode; text: string }) => void;
  /** The last refusal of a send, in the server's words. */
  error: string | null;
  onDismissError: () => void;
  /** D2 "change channel": shows (and lets the agent change) where a reply goes; shown in reply mode. */
  routePicker?: ReactNode;
  /** The reply channel and what template variables are filled from ("/" picker, templates button). */
  templates: { channel: Channel | null; context: TemplateContext };
  /** D7 on the reply's route: its 24-hour window, and our sender (whose WhatsApp templates apply). */
  rules: { window: ReplyWindow; sender: string | null };
}

const LIMIT: Record<ComposerMode, number> = { reply: LIMITS.messageText, note: LIMITS.noteText };

/** Reply / internal note box: Enter sends, Shift+Enter is a new line, Esc leaves; D11 length limits. */
export function Composer(props: ComposerProps) {
  const { closedReason, replyBlock } = props;
  const [mode, setMode] = useState<ComposerMode>(props.initialDraft?.mode ?? 'reply');
  const [text, setText] = useState(props.initialDraft?.text ?? '');
  const { onDraftChange } = props;
  useEffect(() => onDraftChange?.({ mode, text }), [onDraftChange, mode, text]);
  const [savingNote, setSavingNote] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const channel = props.templates.channel;
  const extras = useReplyExtras(channel, props.rules.window);
  const templateForm = mode === 'reply' && !closedReason && extras.templateForm;

  const insertText = (value: string) => {
    const el = input.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setText((current) => current.slice(0, start) + value + current.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + value.length, start + value.length);
    });
  };

  useImperativeHandle(props.ref, () => ({
    focus: (next) => {
      if (next) setMode(next);
      // After the mode switch re-rendered (the box may have been disabled for replies).
      requestAnimationFrame(() => input.current?.focus());
    },
    getText: () => input.current?.value ?? '',
    setText: (value) => {
      setText(value);
      requestAnimationFrame(() => {
        input.current?.focus();
        input.current?.setSelectionRange(value.length, value.length);
      });
    },
    insertText,
  }));

  // D7: Instagram after 24 hours, and Apple Messages / Instagram before the customer writes.
  const windowShut = mode === 'reply' && props.rules.window.state === 'CLOSED';
  const blocked =
    closedReason ?? (mode === 'reply' ? (replyBlock ?? (windowShut ? 'window closed' : null)) : null);
  const length = [...text].length;
  const tooLong = length > LIMIT[mode];
  const canSend =
    !blocked && !tooLong && !savingNote && (mode === 'reply' ? extras.ready(text) : text.trim().length > 0);

  const submit = async () => {
    if (!canSend) return;
    if (mode === 'reply') {
      props.onReply(extras.take(text));
      setText('');
      return;
    }
    setSavingNote(true);
    const stored = await props.onNote(text);
    setSavingNote(false);
    if (stored) setText('');
  };

  const modeSwitch = (
    <SegmentedControl
      size="xs"
      value={mode}
      onChange={(value) => setMode(value as ComposerMode)}
      data={[
        { value: 'reply', label: 'Reply' },
        { value: 'note', label: 'Internal note' },
      ]}
      disabled={!!closedReason}
      data-testid="composer-mode"
    />
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      // Enter and Ctrl/Cmd+Enter both send; Shift+Enter keeps the newline.
      event.preventDefault();
      void submit();
    }
  };

  return (
    <div className={classes.composer}>
      {!closedReason && mode === 'reply' && replyBlock && (
        <Group gap="xs" mb={6} wrap="nowrap">
          <IconLock size={14} color="var(--mantine-color-dimmed)" aria-hidden />
          <Text size="xs" c="dimmed" style={{ flex: 1 }}>
            {replyBlock}. Internal notes are open to every agent.
          </Text>
          {props.onAssignToMe && (
            <Button size="compact-xs" variant="light" onClick={props.onAssignToMe}>
              Assign to me
            </Button>
          )}
        </Group>
      )}
      {!closedReason && mode === 'reply' && props.routePicker}
      {!closedReason && mode === 'reply' && !replyBlock && (
        <ReplyWindowNotice channel={channel} window={props.rules.window} />
      )}
      <div className={classes.box} data-mode={mode}>
        {templateForm ? (
          <WhatsAppTemplateForm
            sender={props.rules.sender}
            onSend={(template) => props.onReply({ template })}
            onCancel={extras.closeTemplateForm}
            disabled={!!blocked}
            footerStart={modeSwitch}
          />
        ) : (
          <SlashTemplatePicker
            textareaRef={input}
            value={text}
            onChange={setText}
            channel={props.templates.channel}
            context={props.templates.context}
            disabled={mode !== 'reply' || !!blocked}
          >
            <Textarea
              ref={input}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              onKeyDown={onKeyDown}
              disabled={!!closedReason || (mode === 'reply' && (!!replyBlock || windowShut))}
              placeholder={
                closedReason ??
                (mode === 'reply'
                  ? windowShut
                    ? 'No reply can be sent on this channel now'
                    : 'Write a reply… Enter to send, Shift+Enter for a new line'
                  : 'Write an internal note — only agents see it')
              }
              aria-label={mode === 'reply' ? 'Reply to the customer' : 'Internal note'}
              autosize
              minRows={2}
              maxRows={10}
              variant="unstyled"
              classNames={{ input: classes.input }}
              data-testid="composer-input"
            />
          </SlashTemplatePicker>
        )}
        {mode === 'reply' && !templateForm && (
          <AttachmentChip
            attachment={extras.attachment}
            uploading={extras.uploading}
            onRemove={extras.removeAttachment}
          />
        )}
        {!templateForm && (
          <div className={classes.footer}>
            {modeSwitch}
            <Group gap="sm" wrap="nowrap">
              {mode === 'reply' && extras.tagNeeded && (
                <MessengerTagSelect value={extras.tag} onChange={extras.setTag} disabled={!!blocked} />
              )}
              {mode === 'reply' && extras.templateOptional && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="green"
                  leftSection={<IconBrandWhatsapp size={14} />}
                  onClick={extras.openTemplateForm}
                  disabled={!!blocked}
                  data-testid="whatsapp-template-button"
                >
                  Template
                </Button>
              )}
              <AttachButton onPick={extras.attach} disabled={mode !== 'reply' || !!blocked} />
              <TemplatesButton
                channel={props.templates.channel}
                context={props.templates.context}
                onInsert={insertText}
                disabled={mode !== 'reply' || !!blocked}
              />
              <Text
                size="xs"
                c={tooLong ? 'red' : 'dimmed'}
                aria-live="polite"
                data-testid="composer-counter"
              >
                {length.toLocaleString()} / {LIMIT[mode].toLocaleString()}
              </Text>
              <Button
                size="xs"
                color={mode === 'note' ? 'yellow' : undefined}
                autoContrast
                rightSection={<IconSend size={14} />}
                disabled={!canSend}
                loading={savingNote}
                onClick={() => void submit()}
                data-testid="composer-send"
              >
                {mode === 'reply' ? 'Send' : 'Add note'}
              </Button>
            </Group>
          </div>
        )}
      </div>
      {extras.uploadError && mode === 'reply' && (
        <Text size="xs" c="red.7" mt={4} data-testid="upload-error">
          The file could not be attached: {extras.uploadError}
        </Text>
      )}
      {props.error && (
        <Alert
          mt="xs"
          py={6}
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={16} />}
          withCloseButton
          onClose={props.onDismissError}
          closeButtonLabel="Dismiss"
          data-testid="composer-error"
        >
          <Text size="sm">{props.error}</Text>
        </Alert>
      )}
    </div>
  );
}
