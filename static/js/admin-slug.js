/*
 * The page editor's slug follows the Thai title with the slug the server makes
 * (Royal Thai General System romanisation), instead of Wagtail's slugify that keeps
 * no Thai letter ("บทที่ 1 …" became "-1").
 *
 * Wagtail's title field (w-sync controller) sends the slug field "w-sync:check" on
 * focus and "w-sync:apply" as the title changes. The slug follows while it is empty
 * or still holds the last slug this script put there; once the trainer edits it by
 * hand it is theirs (the title's focus check then switches the following off), as
 * with Wagtail's own behaviour. A slug typed by hand in Thai is romanised on blur.
 * Without this script the server fills an empty slug the same way.
 *
 * The copy-page form uses it too: its title and parent fields have other names
 * (titleField, parentField), and the original's slug it offers is the script's to
 * replace as the new title is typed (adopt).
 */
(() => {
  const stimulus = window.StimulusModule;
  const app = window.wagtail && window.wagtail.app;
  if (!stimulus || !app) return;

  class SlugFromTitleController extends stimulus.Controller {
    static values = {
      url: String,
      parent: String,
      page: String,
      parentField: String,
      titleField: { type: String, default: 'title' },
      follow: Boolean,
      adopt: Boolean,
      delay: { type: Number, default: 250 },
    };

    connect() {
      this.form = this.element.form;
      this.followed = this.adoptValue ? this.element.value.trim() : '';
      this.followedTitle = this.adoptValue && this.titleInput ? this.titleInput.value : null;
      this.latest = 0;
      this.onSubmit = this.onSubmit.bind(this);
      if (this.form) this.form.addEventListener('submit', this.onSubmit);
      // Wagtail's title syncs on keyup, which Thai input methods and pasting may not
      // send; every change of the title's text counts.
      this.onTitleInput = (event) => this.follow({ detail: { value: event.target.value } });
      // Like Wagtail's title, only while the page has never been published.
      this.watchedTitle = this.followValue ? this.titleInput : null;
      if (this.watchedTitle) this.watchedTitle.addEventListener('input', this.onTitleInput);
      // Another parent may hold another page of the same slug: ask again when it changes.
      this.onParentChange = () => {
        if (this.titleInput) this.follow({ detail: { value: this.titleInput.value } });
      };
      this.parentInput = this.parentFieldValue
        ? this.form && this.form.querySelector(`[name="${this.parentFieldValue}"]`)
        : null;
      if (this.parentInput) this.parentInput.addEventListener('change', this.onParentChange);
      // The first autosave of a new page creates it: from then on the slug is asked for
      // that page, or its own slug would count as taken and the title give "…-2".
      this.onAutosaved = (event) => {
        const data = event.detail && event.detail.response;
        if (data && data.pk && !this.pageValue) this.pageValue = String(data.pk);
      };
      if (this.form) this.form.addEventListener('w-autosave:success', this.onAutosaved);
    }

    disconnect() {
      clearTimeout(this.timer);
      if (this.form) this.form.removeEventListener('submit', this.onSubmit);
      if (this.watchedTitle) this.watchedTitle.removeEventListener('input', this.onTitleInput);
      if (this.parentInput) this.parentInput.removeEventListener('change', this.onParentChange);
      if (this.form) this.form.removeEventListener('w-autosave:success', this.onAutosaved);
    }

    get editedByHand() {
      const slug = this.element.value.trim();
      return slug !== '' && slug !== this.followed;
    }

    /* Wagtail's title asks on focus whether to keep syncing: not after a hand edit. */
    check(event) {
      if (this.editedByHand) event.preventDefault();
    }

    /* The title changed: ask the server for its slug once typing pauses. */
    follow(event) {
      if (this.editedByHand) return;
      const title = (event.detail && event.detail.value) || '';
      clearTimeout(this.timer);
      // Wagtail's title announces itself again on blur, unchanged. Asking again then
      // raced the first autosave of a new page: created a moment before, the page's own
      // slug counted as taken and the same title came back as "…-2".
      if (title === this.followedTitle && this.element.value === this.followed) return;
      this.timer = setTimeout(() => this.ask({ title }, true), this.delayValue);
    }

    /* A slug typed by hand (perhaps in Thai) is made into a good one. */
    tidy() {
      if (!this.editedByHand) return;
      const title = this.titleInput ? this.titleInput.value : '';
      this.ask({ title, slug: this.element.value.trim() }, false);
    }

    get titleInput() {
      return this.form ? this.form.querySelector(`[name="${this.titleFieldValue}"]`) : null;
    }

    get parent() {
      const chosen = this.parentInput && this.parentInput.value;
      return chosen || this.parentValue;
    }

    async ask(params, following) {
      this.latest += 1;
      const number = this.latest;
      const query = new URLSearchParams({
        ...params,
        parent: this.parent,
        page: this.pageValue,
      });
      let slug;
      try {
        const response = await fetch(`${this.urlValue}?${query}`, {
          headers: { Accept: 'application/json' },
          credentials: 'same-origin',
        });
        if (!response.ok) return;
        ({ slug } = await response.json());
      } catch (error) {
        return; // offline: the server fills the slug when the page is saved
      }
      if (number !== this.latest || typeof slug !== 'string') return;
      if (following) {
        if (this.editedByHand) return; // typed into the slug while we were asking
        this.followed = slug;
        this.followedTitle = params.title;
      }
      if (following || slug) {
        this.element.value = slug;
        this.element.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }

    /* Saved before the last answer came: let the server make the slug from the final title. */
    onSubmit() {
      const title = this.titleInput ? this.titleInput.value : null;
      if (!this.editedByHand && this.followed && title !== this.followedTitle) {
        this.element.value = '';
      }
    }
  }

  app.register('lms-slug', SlugFromTitleController);
})();
