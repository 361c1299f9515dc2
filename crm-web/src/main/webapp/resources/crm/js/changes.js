/* The pushes of the "funnel" channel: a list of changes, each with its kind, the stages whose columns it touched
 * and the view it came from. A page reloads what concerns it, and never for a change it made itself. */
var crmChanges = {
    /** Whether any of these changes concerns the view with this key (one made elsewhere). */
    concerning: function (changes, view) {
        return (changes || []).some(function (change) {
            return !(change.origin && change.origin === view);
        });
    }
};
