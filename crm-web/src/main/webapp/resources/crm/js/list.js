/* The list of subjects: its reload on pushes, and a progress indicator for bulk operations that take more than a
 * moment. */
var crmList = (function () {
    var timer = null;
    var reload = crmChanges.coalesced(function () {
        return crmListChanged();
    });
    return {
        busy: function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                document.getElementById('busy').hidden = false;
            }, 400);
        },
        /** A push: reload the rows, unless the only changes are this list's own. */
        changed: function (changes) {
            if (crmChanges.concerning(changes, document.getElementById('list').getAttribute('data-view'))) {
                reload();
            }
        },
        done: function () {
            clearTimeout(timer);
            document.getElementById('busy').hidden = true;
        }
    };
})();
