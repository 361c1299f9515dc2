/* The pushes of the "funnel" channel: a list of changes, each with its kind, the stages whose columns it touched
 * and the view it came from. A page reloads what concerns it, and never for a change it made itself. */
var crmChanges = {
    /** Whether any of these changes concerns the view with this key (one made elsewhere). */
    concerning: function (changes, view) {
        return (changes || []).some(function (change) {
            return !(change.origin && change.origin === view);
        });
    },

    /**
     * A page's reload (a remote command) for pushes, one at a time: pushes that come while it runs make one more
     * reload after it, never a queue of them. The page's Ajax requests go one after another, so reloads queued
     * faster than the server answers them would hold the user's own clicks back behind the whole queue.
     */
    coalesced: function (reload) {
        var running = false;
        var again = false;
        function run() {
            running = true;
            again = false;
            // The remote command's promise settles when its answer has been applied (or the request failed).
            Promise.resolve(reload()).catch(function () {}).then(function () {
                running = false;
                if (again) {
                    run();
                }
            });
        }
        return function () {
            if (running) {
                again = true;
            } else {
                run();
            }
        };
    }
};
