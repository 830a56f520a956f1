/*
 * No typed text is lost when a page is saved straight after typing.
 *
 * Draftail (Wagtail's rich text editor) copies its text into the form's hidden input
 * 250 ms after the last change, and nothing copies it again on submit: text typed or
 * pasted just before pressing save was sent as it was a moment earlier (empty, at
 * machine speed). Wagtail's autosave reads the form the same way. So:
 * - every editor's text is copied into its input as the form is submitted, and into
 *   the data of each autosave;
 * - a save pressed while an autosave request is still on its way waits for it (at
 *   most a few seconds): sent together, the server refused the save as out of date
 *   (400) and kept the autosaved, shorter text.
 */
(() => {
  const WAIT_FOR_AUTOSAVE_MS = 8000;

  const editorInputs = (form) =>
    [...form.querySelectorAll('input[type="hidden"]')].filter(
      (input) => input.draftailEditor && typeof input.draftailEditor.saveState === 'function',
    );

  /*
   * With comments on (Wagtail's default) the editor's state lives in Wagtail's comment
   * wrapper, which saves on its own timer, and the editor's saveState has nothing to
   * call; its state is then written here the way Wagtail writes it, less the comment
   * highlights (those are kept in the comments' own form fields).
   */
  const writeState = (input) => {
    const editor = input.draftailEditor;
    if (editor.props && typeof editor.props.onSave === 'function') {
      editor.saveState();
      return;
    }
    const serialise = window.Draftail && window.Draftail.serialiseEditorStateToRaw;
    if (typeof serialise !== 'function' || typeof editor.getEditorState !== 'function') return;
    const raw = serialise(editor.getEditorState());
    if (raw && Array.isArray(raw.blocks)) {
      raw.blocks.forEach((block) => {
        block.inlineStyleRanges = (block.inlineStyleRanges || []).filter(
          (range) => !String(range.style).startsWith('COMMENT-'),
        );
      });
    }
    input.rawContentState = raw;
    input.value = JSON.stringify(raw);
  };

  const flush = (form) => {
    const inputs = editorInputs(form);
    inputs.forEach(writeState);
    return inputs;
  };

  const autosaving = new WeakMap(); // form → true while an autosave request is out
  const waiting = new WeakMap(); // form → the submit button of a save held back

  document.addEventListener('w-autosave:save', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const { formData } = event.detail || {};
    flush(form).forEach((input) => formData && formData.set(input.name, input.value));
    // Stimulus runs Wagtail's own handler after this one; only an unprevented save goes out.
    setTimeout(() => {
      if (!event.defaultPrevented) autosaving.set(form, true);
    }, 0);
  });

  const autosaveDone = (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    autosaving.delete(form);
    if (!waiting.has(form)) return;
    const submitter = waiting.get(form);
    waiting.delete(form);
    // The success handler has just written the new revision ids into the form.
    requestAnimationFrame(() => form.requestSubmit(submitter || undefined));
  };
  document.addEventListener('w-autosave:success', autosaveDone);
  document.addEventListener('w-autosave:error', autosaveDone);

  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.matches('[data-edit-form]')) return;
      flush(form);
      if (autosaving.get(form)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        const submitter = event.submitter || null;
        waiting.set(form, submitter);
        setTimeout(() => {
          if (waiting.has(form)) {
            autosaving.delete(form);
            autosaveDone({ target: form });
          }
        }, WAIT_FOR_AUTOSAVE_MS);
        return;
      }
      // The page is being saved in full: no autosave may follow it.
      form.setAttribute('data-w-autosave-active-value', 'false');
    },
    true,
  );
})();
