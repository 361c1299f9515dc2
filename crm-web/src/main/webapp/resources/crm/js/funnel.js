/* The funnel board: turns a drop into one server call, and keeps the card where the server says it is. */
var crmFunnel = {
    closing: false,

    /* jQuery UI's drop callback (p:droppable onDrop): this is the column the card was dropped on. */
    onDrop: function (event, ui) {
        crmFunnel.dropped(ui.draggable, $(event.target));
    },

    dropped: function (card, column) {
        var from = card.closest('[data-stage]').attr('data-stage');
        var to = column.attr('data-stage');
        if (from === to) {
            return;
        }
        crmDrop([
            {name: 'subject', value: card.attr('data-subject')},
            {name: 'version', value: card.attr('data-version')},
            {name: 'stage', value: to}
        ]);
    },

    /* A drop into the closing stage asks for the outcome before anything is saved. */
    afterDrop: function (args) {
        if (args && args.ask) {
            crmFunnel.closing = false;
            PF('moveDialog').show();
        }
    },

    /* Closing the dialog without confirming puts the board back as the server has it. */
    cancelled: function () {
        if (!crmFunnel.closing) {
            crmCancelMove();
        }
        crmFunnel.closing = false;
    }
};
