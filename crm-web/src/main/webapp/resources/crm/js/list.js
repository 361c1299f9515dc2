/* The list of subjects: a progress indicator for bulk operations that take more than a moment. */
var crmList = (function () {
    var timer = null;
    return {
        busy: function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                document.getElementById('busy').hidden = false;
            }, 400);
        },
        /** A push: something changed somewhere; reload the rows. */
        changed: function () {
            crmListChanged();
        },
        done: function () {
            clearTimeout(timer);
            document.getElementById('busy').hidden = true;
        }
    };
})();
