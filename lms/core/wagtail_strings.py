"""Messages from Wagtail's admin that its Thai catalogue (older than Wagtail 8) lacks.

Trainers meet these on every editing screen: the main menu, the Promote tab, the
moderation status. Listing them here puts them in our catalogue, which takes precedence
over Wagtail's. Never called.
"""

from django.utils.translation import gettext_noop, ngettext, pgettext


def _messages_to_translate() -> None:  # pragma: no cover
    gettext_noop("Reports")
    gettext_noop("Help")
    gettext_noop("For search engines")
    gettext_noop("For site menus")
    gettext_noop("title tag")
    gettext_noop("meta description")
    gettext_noop(
        "The name of the page displayed on search engine results as the clickable headline."
    )
    gettext_noop("The descriptive text displayed underneath a headline in search engine results.")
    gettext_noop("In Moderation")
    gettext_noop("Skip to main content")
    gettext_noop("Collapse all")
    gettext_noop("Page title")
    # The submit button reads "ส่งเข้าสู่การตรวจหลักสูตร" with the workflow's Thai name.
    gettext_noop("Submit to %(workflow_name)s")
    # Found by the crawl once the round's pages were merged.
    gettext_noop("%(time)s by %(user_display_name)s")
    gettext_noop("at %(time)s by %(user_display_name)s")
    gettext_noop("%(time_period)s ago by %(user_display_name)s")
    gettext_noop("Group approval task")
    gettext_noop("Task type")
    gettext_noop("Translate this page")
    gettext_noop("Select all users in listing")
    gettext_noop("Select all images in listing")
    gettext_noop("Select all documents in listing")


def _admin_messages() -> None:  # pragma: no cover
    """What the Thai-everywhere crawl (tests/proof/test_thai_everywhere.py) found in English
    on admin and account pages."""
    gettext_noop("(Private %(object)s)")
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s")
    gettext_noop("Actions")
    gettext_noop("Actions (footer)")
    gettext_noop("Add a phone link")
    gettext_noop("Add an anchor link")
    gettext_noop("Aging pages")
    gettext_noop("Alias")
    gettext_noop("%(action)s at <b>%(at)s</b>")
    gettext_noop("%(time_period)s ago")
    gettext_noop("%(action)s by <b>%(who)s</b>")
    gettext_noop("Anchor link")
    gettext_noop("Any")
    gettext_noop("Anyone")
    gettext_noop("Anyone can edit this %(model_name)s")
    gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing")
    gettext_noop("App")
    gettext_noop("Autosave is paused")
    gettext_noop("Available in %(translations_total)s locales")
    gettext_noop("Awaiting my review")
    gettext_noop("Bulk actions")
    gettext_noop("By task")
    gettext_noop("By workflow")
    gettext_noop("Change privacy")
    gettext_noop("Checks")
    gettext_noop("Choose a task")
    gettext_noop("Choose parent")
    gettext_noop(
        "Preview cannot display due to validation errors. <br /> Click save to highlight the relevant fields."
    )
    gettext_noop("Comment notifications")
    gettext_noop("Comments")
    gettext_noop("Completed at")
    gettext_noop("Confirm")
    gettext_noop("Content metrics")
    gettext_noop("Correct the validation errors to resume preview (saving will highlight errors)")
    gettext_noop("Create a new %(model_name)s")
    gettext_noop("Current page status:")
    gettext_noop("Date / Time")
    gettext_noop("Date updated")
    gettext_noop("Delete selected pages")
    gettext_noop("Download XLSX")
    gettext_noop("Edit account avatar")
    gettext_noop("Edited by")
    gettext_noop("Field")
    gettext_noop("Filter by")
    gettext_noop("Go to the first error")
    gettext_noop("Has child pages")
    gettext_noop(
        'JavaScript is required to use Wagtail, but it is currently disabled.<br /> Here are the <a href="https://www.enable-javascript.com/" target="_blank" rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.'
    )
    gettext_noop("If you confirm deletion")
    gettext_noop("Insert anchor")
    gettext_noop("Is commenting action")
    gettext_noop("Issues found")
    gettext_noop("Keep the new pages updated with future changes")
    gettext_noop("Keyboard shortcuts")
    gettext_noop("Last edit")
    gettext_noop("Last edited page")
    gettext_noop("Last published before")
    gettext_noop("Link text is empty")
    gettext_noop("Loading")
    gettext_noop("Locale")
    gettext_noop("Locale: ")
    gettext_noop("Locked at")
    gettext_noop("Locked by")
    gettext_noop("Locked pages")
    gettext_noop("Locking: ")
    gettext_noop("Maximum")
    gettext_noop("Minimap")
    gettext_noop("Minimum")
    gettext_noop("More actions")
    gettext_noop("More options for '%(title)s'")
    gettext_noop("Move selected pages")
    gettext_noop("Name and Email")
    gettext_noop("New: %(model_name)s")
    gettext_noop("No locked pages found.")
    gettext_noop("No other translations")
    gettext_noop("No pages found.")
    gettext_noop("No pages/snippets have been submitted for moderation yet")
    gettext_noop("No, don't delete")
    gettext_noop("Not visible to the public")
    gettext_noop("Notifications")
    gettext_noop("Once live anyone can view")
    gettext_noop("One or more references to this %(model_name)s prevent it from being deleted.")
    gettext_noop("Owner")
    gettext_noop("Page type")
    gettext_noop("Page types usage")
    gettext_noop("Page visibility: ")
    gettext_noop(
        "Pages created here will not be accessible at any URL. To add pages to an existing site, create them as children of the homepage."
    )
    gettext_noop("Pagination")
    gettext_noop("Phone link")
    gettext_noop("Preview in new tab")
    gettext_noop("Preview is out of date")
    gettext_noop("Preview not available")
    gettext_noop("Private. Visit the live page")
    gettext_noop("Profile")
    gettext_noop("Profile picture")
    gettext_noop("Publish selected pages")
    gettext_noop("Readability")
    gettext_noop("Reading time")
    ngettext("Referenced %(count)s time", "Referenced %(count)s times", 0)
    gettext_noop("Requested by")
    gettext_noop("Saved")
    gettext_noop("Search all pages…")
    gettext_noop("Select")
    gettext_noop("Select all")
    gettext_noop("Select all pages in listing")
    gettext_noop("Select row")
    gettext_noop("Set schedule")
    gettext_noop("Show filters")
    gettext_noop("Side panel width")
    gettext_noop("Side panels")
    gettext_noop("Sidebar")
    gettext_noop("Site history")
    gettext_noop("Sort by '%(label)s' in ascending order.")
    gettext_noop("Sort by '%(label)s' in descending order.")
    gettext_noop("Sort menu order")
    gettext_noop(
        "Sort the order of child pages within '%(parent)s' by '%(label)s' in ascending order."
    )
    gettext_noop(
        "Sort the order of child pages within '%(parent)s' by '%(label)s' in descending order."
    )
    gettext_noop("Started at")
    gettext_noop("Status: ")
    gettext_noop("Switch locales")
    gettext_noop("Tag")
    gettext_noop("Tasks")
    gettext_noop("The new page will be a child of this given parent page.")
    gettext_noop("Theme preferences")
    ngettext("There is %(counter)s match", "There are %(counter)s matches", 0)
    ngettext("There is one matching page", "There are %(counter)s matching pages", 0)
    gettext_noop("There are no %(model_name)s to display.")
    gettext_noop("There are no results.")
    gettext_noop("This data explained")
    ngettext(
        "This %(model_name)s is referenced %(usage_count)s time.",
        "This %(model_name)s is referenced %(usage_count)s times.",
        0,
    )
    gettext_noop("To be created by %(user)s")
    gettext_noop("Toggle breadcrumbs")
    gettext_noop("Toggle checks")
    gettext_noop("Toggle comments")
    gettext_noop("Toggle preview")
    gettext_noop("Toggle section")
    gettext_noop("Toggle side panel")
    gettext_noop("Toggle status")
    gettext_noop("Unpublish selected pages")
    gettext_noop("Upload a profile picture:")
    gettext_noop("Usage count")
    gettext_noop("Use server language: %(language_name)s")
    gettext_noop("Use server time zone")
    gettext_noop("Used on")
    gettext_noop("View history")
    gettext_noop("Visible to all")
    gettext_noop("Visible to all. Visit the live page")
    gettext_noop("Wagtail %(current_version)s editor guide")
    gettext_noop("Words")
    gettext_noop("Workflow")
    gettext_noop("Workflow tasks")
    gettext_noop("Workflows")
    ngettext(
        "A locale is disabled because a parent page is not translated.",
        "Some locales are disabled because some parent pages are not translated.",
        0,
    )
    gettext_noop("All child pages will be created.")
    ngettext(
        "Include subtree (%(descendant_count)s page)",
        "Include subtree (%(descendant_count)s pages)",
        0,
    )
    gettext_noop("Locales")
    gettext_noop("Submit")
    gettext_noop("Translate")
    gettext_noop("Translate page")
    gettext_noop("Translate %(model_name)s")
    ngettext("Translate the parent page.", "Translate the parent pages.", 0)
    gettext_noop("Add selected documents to collection")
    gettext_noop("Add tags to the selected documents")
    ngettext(
        "Are you sure you want to delete this document?",
        "Are you sure you want to delete these documents?",
        0,
    )
    gettext_noop("Delete selected documents")
    gettext_noop("Maximum filesize: %(max_upload_size)s.")
    gettext_noop("Add selected images to collection")
    gettext_noop("Add tags to the selected images")
    gettext_noop("Add to collection")
    ngettext(
        "Are you sure you want to delete this image?",
        "Are you sure you want to delete these images?",
        0,
    )
    gettext_noop("Delete selected images")
    gettext_noop("File size: (high to low)")
    gettext_noop("File size: (low to high)")
    gettext_noop("Grid layout")
    gettext_noop("List layout")
    gettext_noop("Newest")
    gettext_noop("Oldest")
    gettext_noop("Sort by")
    gettext_noop("Title: (A -> Z)")
    gettext_noop("Title: (Z -> A)")
    gettext_noop("Usage count: (high to low)")
    gettext_noop("Usage count: (low to high)")
    gettext_noop("You haven't uploaded any images.")
    gettext_noop("Add comment")
    gettext_noop("Approved")
    gettext_noop("Copied for translation from %(title)s (%(locale)s)")
    gettext_noop("Copy for translation")
    gettext_noop("Create")
    gettext_noop("Group")
    gettext_noop("Needs changes")
    gettext_noop("Preview in desktop size")
    gettext_noop("Preview in mobile size")
    gettext_noop("Preview in tablet size")
    gettext_noop("Rejected")
    gettext_noop("Rename")
    gettext_noop("Renamed from '%(old)s' to '%(new)s'")
    gettext_noop("system")
    gettext_noop("Choose %(object)s")
    gettext_noop("Delete selected snippets")
    gettext_noop("Instances")
    gettext_noop("Select all snippets in listing")
    gettext_noop("Access level")
    gettext_noop("Assign role")
    gettext_noop("Assign role to selected users")
    gettext_noop("Change the active state for selected users")
    gettext_noop("Dark")
    gettext_noop("Delete selected users")
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail.")
    gettext_noop("Last login")
    gettext_noop("Light")
    gettext_noop("More contrast")
    gettext_noop(
        "Receive notification when comments have been created, resolved, or deleted on a page that you have subscribed to receive comment notifications on"
    )
    gettext_noop("Required. Letters, digits and @/./+/-/_ only.")
    gettext_noop("Set active state")
    gettext_noop("Snug")
    gettext_noop("System default")
    gettext_noop("Sorry, you do not have permission to access this area.")
    gettext_noop("Parent")
    gettext_noop("New slug")
    gettext_noop("New parent page")
    gettext_noop("Parent page")
    gettext_noop("Privacy")
    gettext_noop("Yes, delete")
    gettext_noop("Yes, unpublish it")
    gettext_noop("No, don't unpublish")
    gettext_noop("Site summary")
    gettext_noop("Hello %(username)s,")
    gettext_noop("Yes, publish")
    gettext_noop("No, don't publish")
    gettext_noop("Yes, unpublish")
    gettext_noop("Yes, delete it")
    gettext_noop("No, don't delete it")
    gettext_noop("Yes, move this page")
    gettext_noop("Copy")
    gettext_noop("Copy this page")
    gettext_noop("Configure a site now.")
    gettext_noop("Sites menu")
    gettext_noop("Yes, unschedule")
    gettext_noop("No, don't unschedule")
    gettext_noop("New")
    gettext_noop("The collection could not be saved due to errors.")
    gettext_noop("Home")
    gettext_noop("The %(model_name)s could not be saved due to errors.")
    gettext_noop("Dashboard")
    gettext_noop("Site")
    gettext_noop('Multi-word tags with spaces will automatically be enclosed in double quotes (").')
    gettext_noop("label")
    gettext_noop("From site")
    gettext_noop("All sites")
    gettext_noop("site")
    gettext_noop("permanent")
    gettext_noop(
        "Recommended. Permanent redirects ensure search engines forget the old page (the 'Redirect from') and index the new page instead."
    )
    gettext_noop('Sorry, no redirects match "<em>%(query_string)s</em>"')
    gettext_noop("The redirect could not be saved due to errors.")
    gettext_noop(
        "Enter the full search string to match. An exact match is required for your Promoted Results to be displayed, wildcards are NOT allowed."
    )
    gettext_noop("Move up")
    gettext_noop("Move down")
    gettext_noop('Sorry, no promoted results match "<em>%(query_string)s</em>"')
    gettext_noop("Sites")
    gettext_noop("This setting could not be opened because there is no site defined.")
    gettext_noop("The setting could not be saved due to errors.")
    gettext_noop("Row header")
    gettext_noop('Sorry, no documents match "<em>%(search_query)s</em>"')
    gettext_noop("Filesize")
    gettext_noop("File not found")
    gettext_noop('Sorry, no documents match "<em>%(query_string)s</em>"')
    gettext_noop(
        "Upload successful. Please update this document with a more appropriate title, if necessary. You may also delete the document completely if the upload wasn't required."
    )
    gettext_noop("Sorry, upload failed.")
    gettext_noop("The document could not be saved due to errors.")
    gettext_noop("Insert")
    gettext_noop("Closeness")
    gettext_noop("To define this image's most important region, drag a box over the image above.")
    gettext_noop('Sorry, no images match "<em>%(query_string)s</em>"')
    gettext_noop(
        "Upload successful. Please update this image with a more appropriate title, if necessary. You may also delete the image completely if the upload wasn't required."
    )
    gettext_noop("Server Error")
    gettext_noop("The image could not be saved due to errors.")
    gettext_noop("Publish")
    gettext_noop(
        "The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/"
    )
    gettext_noop("port")
    gettext_noop("Human-readable name for the site.")
    gettext_noop("is default site")
    gettext_noop(
        "If true, this site will handle requests for all other hostnames that do not have a site entry of their own"
    )
    gettext_noop("sites")
    gettext_noop(
        "%(hostname)s is already configured as the default site. You must unset that before you can save this site as default."
    )
    gettext_noop("Private, accessible to users in specific groups")
    gettext_noop("Wagtail sites")
    gettext_noop("Add a site")
    gettext_noop("Add site")
    gettext_noop("Site '%(object)s' created.")
    gettext_noop("The site could not be saved due to errors.")
    gettext_noop("Site '%(object)s' updated.")
    gettext_noop("Site '%(object)s' deleted.")
    gettext_noop("Delete site")
    gettext_noop("Are you sure you want to delete this site?")
    gettext_noop("Wagtail snippets")
    gettext_noop("Delete ")
    gettext_noop('Sorry, no snippets match "<em>%(search_query)s</em>"')
    gettext_noop("Snippets")
    gettext_noop("This value may contain only letters, numbers and @/./+/-/_ characters.")
    gettext_noop("Enter the same password as above, for verification.")
    gettext_noop("Administrator")
    gettext_noop("Active")
    gettext_noop('Sorry, no groups match "%(query)s"')
    gettext_noop("The group could not be saved due to errors.")
    gettext_noop("The user could not be saved due to errors.")
    ngettext(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        0,
    )
    ngettext(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        0,
    )
    ngettext(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        0,
    )
    gettext_noop("Exploring")
    gettext_noop("Comment")
    gettext_noop("Unlock")
    gettext_noop("Request changes")
    gettext_noop("Approve with comment")
    gettext_noop("Your pages and snippets in a workflow")
    gettext_noop("Awaiting your review")
    gettext_noop("Compare")
    gettext_noop("Cancel workflow ")
    gettext_noop("Restart workflow ")
    gettext_noop("Approve")
    gettext_noop("1 page selected")
    gettext_noop("%(objects)s pages selected")
    gettext_noop("All %(objects)s pages on this screen selected")
    gettext_noop("All pages in listing selected")
    gettext_noop("1 document selected")
    gettext_noop("%(objects)s documents selected")
    gettext_noop("All %(objects)s documents on this screen selected")
    gettext_noop("All documents in listing selected")
    gettext_noop("1 image selected")
    gettext_noop("%(objects)s images selected")
    gettext_noop("All %(objects)s images on this screen selected")
    gettext_noop("All images in listing selected")
    gettext_noop("1 user selected")
    gettext_noop("%(objects)s users selected")
    gettext_noop("All %(objects)s users on this screen selected")
    gettext_noop("All users in listing selected")
    gettext_noop("1 snippet selected")
    gettext_noop("%(objects)s snippets selected")
    gettext_noop("All %(objects)s snippets on this screen selected")
    gettext_noop("All snippets in listing selected")
    gettext_noop("1 item selected")
    gettext_noop("%(objects)s items selected")
    gettext_noop("All %(objects)s items on this screen selected")
    gettext_noop("All items in listing selected")


def _names_wagtail_leaves_english() -> None:  # pragma: no cover
    """Lower-case names of Wagtail's models and fields, which its Thai catalogue lacks.

    Wagtail shows them capitalised as form labels and column headings ("Admin theme",
    "Requested by"), inside sentences ("There are no log entries to display") and after
    counts ("4 page log entries"), so the Thai reads as a noun in all three places."""
    gettext_noop("admin theme")
    gettext_noop("contrast")
    gettext_noop("density")
    gettext_noop("submitted notifications")
    gettext_noop("approved notifications")
    gettext_noop("rejected notifications")
    gettext_noop("updated comments notifications")
    gettext_noop("profile picture")
    gettext_noop("just now")
    gettext_noop("workflow")
    gettext_noop("workflows")
    gettext_noop("task")
    gettext_noop("tasks")
    gettext_noop("requested by")
    gettext_noop("Requested By")
    gettext_noop("log entry")
    gettext_noop("log entries")
    gettext_noop("page log entry")
    gettext_noop("page log entries")
    gettext_noop("model log entry")
    gettext_noop("model log entries")
    gettext_noop("content types")
    gettext_noop("items")
    gettext_noop("pages")
    # What deleting an object does to what refers to it: "<field>: prevents deletion".
    gettext_noop("prevents deletion")
    gettext_noop("may prevent deletion")
    gettext_noop("will unset the reference")
    gettext_noop("will do nothing")
    gettext_noop("the %(model_name)s will also be deleted")
    gettext_noop("will be set to the default %(model_name)s")
    gettext_noop("will be set to a %(model_name)s specified by the system")
    # The label of an empty yes/no icon (lms/core/template_loaders.py).
    pgettext("yes/no column", "Not given")


def _dialogs_and_side_panels() -> None:  # pragma: no cover
    """What Wagtail keeps in dialogs and side panels until they open (keyboard shortcuts,
    publishing schedule, privacy, content checks, a lost connection), in its sidebar's help
    menu and on its bulk upload pages."""
    gettext_noop("Application")
    gettext_noop("Show keyboard shortcuts")
    gettext_noop("Toggle sidebar")
    gettext_noop("Toggle minimap")
    gettext_noop("Close modal dialogs (like this one)")
    gettext_noop("Save changes")
    gettext_noop("Add or show comments")
    gettext_noop("Text editing")
    gettext_noop("Cut")
    gettext_noop("Paste")
    gettext_noop("Paste without formatting")
    gettext_noop("Paste and match style")
    gettext_noop("Undo")
    gettext_noop("Redo")
    gettext_noop("Text formatting")
    gettext_noop("Insert or edit a link")
    gettext_noop("Monospace (code)")
    gettext_noop("Strike-through")
    gettext_noop("Superscript")
    gettext_noop("Subscript")
    gettext_noop("All keyboard shortcuts")
    gettext_noop("Keyboard shortcut")
    gettext_noop("account")
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    )
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    )
    gettext_noop("Close dialog")
    gettext_noop("Shortcuts")
    gettext_noop("Editor Guide")
    gettext_noop("What's new in Wagtail %(version)s")
    gettext_noop("Add Comment")
    gettext_noop("Schedule to publish")
    gettext_noop("Choose when this page should go live and/or expire")
    gettext_noop("Anyone with editing permissions can create schedules")
    gettext_noop("But only those with publishing permissions can make them effective.")
    gettext_noop(
        'This publishing schedule will only take effect after you select the "Schedule to publish" option'
    )
    gettext_noop("Save schedule")
    gettext_noop("Set privacy")
    gettext_noop("Choose who can view the live version of this page")
    gettext_noop("A network error occurred")
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a separate tab to view the last saved version."
    )
    gettext_noop("View latest version")
    gettext_noop("Autosave is <span>paused</span>")
    gettext_noop("Save your changes before leaving")
    gettext_noop("How we calculate our metrics")
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and calculate the number of words."
    )
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for different languages."
    )
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long sentences and words result in a worse readability score."
    )
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more information on how content metrics are calculated.'
    )
    gettext_noop("Show issue")
    gettext_noop("Document updated.")
    gettext_noop(
        "Please provide an image description to comply with best practices for accessibility."
    )
    gettext_noop("Report this error to your website administrator with the following information:")
    gettext_noop(
        "Upload successful. However, your new image seems to be a duplicate of this existing image. You may delete it if it wasn't required."
    )
    gettext_noop(
        "Upload successful. However, your new image seems to be a duplicate of an existing image. You may delete it if it wasn't required."
    )
