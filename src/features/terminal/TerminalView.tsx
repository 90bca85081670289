/**
 * One terminal tab: xterm.js with a kubectl prompt. Lines run in the worker against the live cluster; a
 * `get -w` keeps streaming here until Ctrl+C. Tab completes, ↑/↓ walk the history, Ctrl+L clears; Shift+Tab,
 * Escape then Tab, or Tab on an empty line move focus out.
 */
import { t } from '../../i18n/languageStore';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { onTerminalOutput, send } from '../../state/simulation';
import type { TerminalChunk } from '../../protocol/messages';
import { useAppStore } from '../../state/store';
import { LineEditor, commonPrefix } from './lineEditor';
import { loadHistory, saveHistory } from './terminalHistory';
import { showControls } from './visibleControls';
import { registerTerminalInput, showTerminal } from './terminalInput';

/** The terminal's own prompt; a shell attached with `kubectl exec -it` prompts with its own (plain) text. */
const hostPrompt = '\x1b[1;32m$\x1b[0m ';
/** `help`: svcsim's own words in the UI's language; the commands are kubectl's. */
const help = () => `${t('terminal.helpIntro')}
  kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8000 --labels="ver=1,app=alpaca,env=prod"
  kubectl expose pod alpaca-prod
  kubectl get endpoints alpaca-prod --watch      ${t('terminal.helpStops')}
  kubectl exec -it alpaca-prod -- sh             ${t('terminal.helpShell')}
${t('terminal.helpAlso')}
${t('terminal.helpLeave')}
`;

const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n');
/** Text that did not come from this file (command output, errors, completions, the typed line) is shown, never obeyed. */
const shown = (t: string) => crlf(showControls(t));

/** Live terminals by session, so tests and diagnostics can read what a terminal shows as logical lines. */
const terminals = new Map<string, Terminal>();

/** The text of a terminal with wrapped rows joined back into the lines that were printed. */
export function terminalText(session: string): string | undefined {
  const term = terminals.get(session);
  if (!term) return undefined;
  const buf = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buf.length; i++) {
    const line = buf.getLine(i);
    if (!line) continue;
    const text = line.translateToString(true);
    if (line.isWrapped && lines.length) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  return lines.join('\n').replace(/\n+$/, '');
}
if (window.svcsim) window.svcsim.terminalText = terminalText;

export function TerminalView({ session, active, dark }: { session: string; active: boolean; dark: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const fitRef = useRef<FitAddon | undefined>(undefined);
  const termRef = useRef<Terminal | undefined>(undefined);
  useEffect(() => {
    if (!host.current) return;
    const term = new Terminal({
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      fontSize: useAppStore.getState().largeText ? 15.5 : 12.5,
      cursorBlink: true,
      convertEol: false,
      scrollback: 5000,
      screenReaderMode: true,
      // No link is ever made from output: control characters are shown (so no OSC 8 hyperlink can form) and no
      // link-detecting addon is loaded. Should one ever appear, activating it does nothing.
      linkHandler: { activate: () => {} },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current);
    const editor = new LineEditor(loadHistory());
    let busy = false;
    let interrupting = false;
    let watching = false;
    // Escape, then Tab, leaves the terminal (as a documented escape from Tab completion, like VS Code's)
    let leaveArmed = false;
    // Ctrl/Cmd+C with a selection copies (as desktop terminals do); without one it interrupts.
    term.attachCustomKeyEventHandler((e) => {
      const copy = e.type === 'keydown' && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && term.hasSelection();
      if (copy) {
        void navigator.clipboard?.writeText(term.getSelection()).catch(() => {});
        term.clearSelection();
        return false;
      }
      // Ctrl+V pastes, as in desktop terminals: xterm would send it as ^V; left alone, the browser's paste event
      // reaches xterm's textarea and the clipboard text arrives as input (Ctrl+Shift+V already did)
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'v') return false;
      // Focus is never trapped: Tab completes a typed line, but Shift+Tab, Escape then Tab, or Tab on an empty
      // prompt are left to the browser, which moves focus on (returning false keeps xterm from cancelling it)
      if (e.type === 'keydown' && e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        const leave = e.shiftKey || leaveArmed || editor.buffer === '';
        leaveArmed = false;
        if (leave) return false;
      } else if (e.type === 'keydown' && !['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) {
        leaveArmed = e.key === 'Escape';
      }
      return true;
    });
    termRef.current = term;
    fitRef.current = fit;
    // Redraw the input line, which may wrap over several rows of a narrow terminal: go back to the row the
    // prompt is on, clear to the end of the screen, print, then put the cursor where the editor's cursor is.
    let cursorRow = 0;
    // The column the prompt starts at: 0, unless the last output ended without a newline (`-o jsonpath`), which
    // stays before the prompt as in bash; the input line is redrawn from there, never over that output.
    let promptCol = 0;
    // what the output printed since the last line break: where the prompt will start (the terminal's own
    // cursor, read once the prompt is written, corrects it for wide characters)
    let tail = 0;
    // the prompt in force: the terminal's, or the attached shell's (`/ # `) as the worker's last reply said
    let prompt = hostPrompt;
    let promptWidth = 2;
    let attached = false;
    // the last line left a compound command open (`for … do`): bash's PS2, `> `, until it is closed
    let continuing = false;
    const setPrompt = (shellPrompt: string | undefined, continuation = false) => {
      attached = shellPrompt !== undefined;
      continuing = continuation && !attached;
      prompt = attached ? shown(shellPrompt ?? '') : continuing ? '> ' : hostPrompt;
      promptWidth = attached ? showControls(shellPrompt ?? '').length : 2;
    };
    const writePrompt = () => {
      promptCol = tail % term.cols;
      tail = 0;
      term.write(prompt, () => {
        promptCol = Math.max(0, term.buffer.active.cursorX - promptWidth);
      });
    };
    const redraw = (text = editor.buffer, cursor = editor.cursor) => {
      const cols = term.cols;
      // a completed name or pasted text may hold control characters: shown, and measured as shown
      const line = showControls(text);
      const total = promptCol + promptWidth + line.length;
      let out = cursorRow > 0 ? `\x1b[${cursorRow}A` : '';
      out += `\x1b[${promptCol + 1}G\x1b[J${prompt}${line}`;
      // at an exact multiple of the width xterm waits to wrap; force the new row so the arithmetic holds
      if (line.length > 0 && total % cols === 0) out += '\r\n';
      const endRow = Math.floor(total / cols);
      const target = promptCol + promptWidth + showControls(text.slice(0, cursor)).length;
      const targetRow = Math.floor(target / cols);
      if (endRow > targetRow) out += `\x1b[${endRow - targetRow}A`;
      out += `\x1b[${(target % cols) + 1}G`;
      cursorRow = targetRow;
      term.write(out);
    };
    const print = (chunks: TerminalChunk[]) => {
      for (const c of chunks) {
        const text = showControls(c.text);
        const nl = text.lastIndexOf('\n');
        tail = nl < 0 ? tail + text.length : text.length - nl - 1;
        term.write(crlf(text));
      }
    };
    onTerminalOutput(session, (chunks, ended) => {
      print(chunks);
      // the watch ended by itself (kubectl logs -f of a container that exited): kubectl returned, so does the prompt
      if (ended && watching) {
        watching = false;
        writePrompt();
      }
    });
    terminals.set(session, term);
    const run = async (line: string) => {
      // leave the (possibly wrapped) input behind: move below its last row
      const rows = Math.floor((promptCol + promptWidth + showControls(line).length) / term.cols);
      term.write(`${rows > cursorRow ? `\x1b[${rows - cursorRow}B` : ''}\r\n`);
      cursorRow = 0;
      promptCol = 0;
      saveHistory(editor.entries);
      const trimmed = line.trim();
      // at bash's `> ` every line goes to the shell: a here-document's body keeps its blank lines
      if (trimmed === 'clear' && !continuing) {
        term.clear();
        writePrompt();
        return;
      }
      if (trimmed === 'help' && !continuing) {
        term.write(crlf(help()));
        writePrompt();
        return;
      }
      if (!trimmed && !continuing) {
        writePrompt();
        return;
      }
      busy = true;
      const reply = await send({ type: 'terminal', session, line }).finally(() => {
        busy = false;
        interrupting = false;
      });
      if (reply.ok && reply.value?.kind === 'terminal') {
        print(reply.value.output);
        setPrompt(reply.value.prompt, reply.value.continuation);
        // `kubectl edit` opens the object in its own editor tab: the manifests keep their text and undo history
        if (reply.value.editorText !== undefined) useAppStore.getState().openObjectTab(reply.value.editorText);
        watching = reply.value.watching;
      } else if (!reply.ok) {
        term.write(shown(`error: ${reply.error ?? 'the command failed'}\n`));
        tail = 0;
      }
      if (!watching) writePrompt();
    };
    // Keys typed while a command runs wait, as in a real terminal's input queue, and go in after its prompt
    let typeAhead = '';
    const submit = (line: string) => {
      void run(line).finally(() => {
        const pending = typeAhead;
        typeAhead = '';
        if (pending) onInput(pending);
      });
    };
    term.write(crlf(`${t('terminal.banner')}\n`));

    writePrompt();
    // a reloaded page's terminal may belong to a shell that is still attached (its lines were replayed)
    void send({ type: 'terminalPrompt', session }).then((r) => {
      if (!r.ok || r.value?.kind !== 'prompt' || r.value.prompt === undefined || busy || attached) return;
      setPrompt(r.value.prompt);
      redraw();
    });
    let completing = false;
    let typedDuringCompletion = '';
    const complete = (line: string) => {
      completing = true;
      void send({ type: 'complete', line }).then((r) => {
        if (r.ok && r.value?.kind === 'completions') {
          const { items, replaceFrom } = r.value;
          if (items.length === 1) editor.replace(replaceFrom, `${items[0]} `);
          else if (items.length > 1) {
            const p = commonPrefix(items);
            if (p.length > line.length - replaceFrom) editor.replace(replaceFrom, p);
            else {
              term.write(`\r\n${shown(items.join('  '))}\r\n`);
              cursorRow = 0;
            }
          }
          redraw();
        }
        completing = false;
        // keys typed while the worker answered go in after the completion, as a shell's completion is synchronous
        const pending = typedDuringCompletion;
        typedDuringCompletion = '';
        if (pending) onInput(pending);
      });
    };
    const onInput = (data: string) => {
      if (watching) {
        // a watch owns the terminal until Ctrl+C, like kubectl get -w
        typeAhead = '';
        if (data.includes('\x03')) {
          watching = false;
          void send({ type: 'interrupt', session });
          term.write('^C\r\n');
          writePrompt();
        }
        return;
      }
      if (busy) {
        // Ctrl+C while a command runs (a `sleep`, a wait): as bash, echo ^C; the new prompt comes with its end.
        // SIGINT also flushes the terminal's input queue, so what was typed ahead is dropped.
        if (data.includes('\x03')) {
          typeAhead = '';
          if (!interrupting) {
            interrupting = true;
            term.write('^C\r\n');
            void send({ type: 'interrupt', session });
          }
          return;
        }
        typeAhead += data;
        return;
      }
      if (completing) {
        typedDuringCompletion += data;
        return;
      }
      // One line at a time: a multi-line paste shows each line at its prompt before it runs (as bash echoes
      // pasted lines), and the rest waits for the command to finish
      const end = data.search(/\r\n?|\n/);
      const now = end < 0 ? data : data.slice(0, end + (data.startsWith('\r\n', end) ? 2 : 1));
      if (now.length < data.length) typeAhead = data.slice(now.length) + typeAhead;
      for (const a of editor.handle(now)) {
        if (a.type === 'redraw') redraw();
        else if (a.type === 'submit') {
          // the editor has already cleared its buffer: show the line being run (a pasted one was never drawn)
          redraw(a.line, a.line.length);
          submit(a.line);
        }
        else if (a.type === 'interrupt') {
          term.write('^C\r\n');
          cursorRow = 0;
          // Ctrl+C at `> ` drops the compound command typed so far (the worker logs it, so a replay drops it too)
          if (continuing) {
            void send({ type: 'interrupt', session });
            setPrompt(undefined);
          }
          writePrompt();
        } else if (a.type === 'eof') {
          // Ctrl+D at a shell's prompt ends its input: the shell exits as on `exit` (logged as that line, so a
          // replay ends it too); at the terminal's own prompt there is nothing to end
          if (!attached) continue;
          redraw('exit', 4);
          submit('exit');
        } else if (a.type === 'clear') {
          term.clear();
          cursorRow = 0;
          redraw();
        } else if (a.type === 'complete') {
          // kubectl's completions mean nothing to the shell in a container
          if (attached) continue;
          complete(a.line);
          return;
        }
      }
    };
    const sub = term.onData(onInput);
    registerTerminalInput(session, { onInput, focus: () => term.focus() });
    // xterm ignores text that arrives as an input event in screen-reader mode (IME commits, dictation, an
    // on-screen keyboard, insertText): take it here. A typed key never gets here: xterm cancels its keypress.
    // In that mode xterm lets a typed key's input event through as well: an input event that follows a keydown
    // (before its keyup) is that key, already handled.
    const textarea = term.textarea;
    let keyHeld = false;
    const onKeyDown = () => {
      keyHeld = true;
    };
    const onKeyUp = () => {
      keyHeld = false;
    };
    const onTextInput = (e: Event) => {
      const ev = e as InputEvent;
      if (keyHeld || ev.inputType !== 'insertText' || !ev.data || ev.isComposing) return;
      onInput(ev.data);
      if (textarea) textarea.value = '';
    };
    textarea?.addEventListener('input', onTextInput);
    textarea?.addEventListener('keydown', onKeyDown);
    textarea?.addEventListener('keyup', onKeyUp);
    const ro = new ResizeObserver(() => {
      if (host.current?.offsetParent) fit.fit();
    });
    ro.observe(host.current);
    // Large text: 12.5 px × 1.25, as the rest of the UI; Reset
    const unsubSize = useAppStore.subscribe((s, prev) => {
      // Reset rebuilt the cluster: a shell that was attached is gone, the terminal prompts as its own again
      if (s.layoutResets !== prev.layoutResets && attached && !busy && !watching) {
        setPrompt(undefined);
        redraw();
      }
      if (s.largeText === prev.largeText) return;
      term.options.fontSize = s.largeText ? 15.5 : 12.5;
      if (host.current?.offsetParent) fit.fit();
    });
    return () => {
      unsubSize();
      sub.dispose();
      registerTerminalInput(session, undefined);
      textarea?.removeEventListener('input', onTextInput);
      textarea?.removeEventListener('keydown', onKeyDown);
      textarea?.removeEventListener('keyup', onKeyUp);
      ro.disconnect();
      onTerminalOutput(session, undefined);
      terminals.delete(session);
      void send({ type: 'interrupt', session });
      term.dispose();
    };
  }, [session]);
  useEffect(() => {
    const term = termRef.current;
    if (!term) return;
    term.options.theme = dark
      ? { background: '#0f141b', foreground: '#dbe2ec', cursor: '#dbe2ec', selectionBackground: '#2c4a7a' }
      : { background: '#ffffff', foreground: '#1b2330', cursor: '#1b2330', selectionBackground: '#bcd3ff' };
  }, [dark]);
  // Focus follows a switch to this terminal tab, but the page does not open with focus in here: a keyboard
  // user starts at the top of the page (the skip links), and `3` or a click puts the caret in the terminal
  const shownBefore = useRef(false);
  useEffect(() => {
    if (active) {
      showTerminal(session);
      const focus = shownBefore.current;
      shownBefore.current = true;
      requestAnimationFrame(() => {
        fitRef.current?.fit();
        if (focus) termRef.current?.focus();
      });
    }
  }, [active, session]);
  // `nokey`: React Flow's key handlers (Space pans the canvas) leave keys typed in here alone
  return <div className="terminal-host nokey" ref={host} data-session={session} />;
}
