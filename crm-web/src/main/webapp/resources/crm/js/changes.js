/* The pushes of the "funnel" channel: a list of changes, each with its kind, the stages whose columns it touched
 * and the view it came from. A page reloads what concerns it, and never for a change it made itself. */
var crmChanges = {
    /** What of these changes concerns the view with this key: null for nothing, else {all, stages}. */
    concerning: function (changes, view) {
        var stages = {}, all = false, any = false;
        (changes || []).forEach(function (change) {
            if (change.origin && change.origin === view) {
                return;
            }
            any = true;
            if (change.kind === 'STAGES_CHANGED' || !change.stages || change.stages.length === 0) {
                all = true;
            }
            (change.stages || []).forEach(function (stage) {
                stages[stage] = true;
            });
        });
        return any ? {all: all, stages: Object.keys(stages)} : null;
    }
};
