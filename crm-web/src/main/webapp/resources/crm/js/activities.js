/*
 * Activities on the subject page and the agenda: an activity's "done" button opens the dialog at once, with the row's
 * activity and version put in the dialog's form (the server completes only an activity the page shows).
 */
$(document).on('click', '.crm-activity-done', function () {
    document.getElementById('doneForm:activity').value = this.getAttribute('data-activity');
    document.getElementById('doneForm:version').value = this.getAttribute('data-version');
    document.getElementById('doneForm:result').value = '';
    PF('doneDialog').show();
});
