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

/* Columns keep their scroll position when the board is re-rendered (a move, a push, more cards). */
crmFunnel.scrolls = {};
crmFunnel.rememberScroll = function () {
    $('.crm-column-body[data-stage]').each(function () {
        crmFunnel.scrolls[this.getAttribute('data-stage')] = this.scrollTop;
    });
};
crmFunnel.restoreScroll = function () {
    $('.crm-column-body[data-stage]').each(function () {
        var top = crmFunnel.scrolls[this.getAttribute('data-stage')];
        if (top) {
            this.scrollTop = top;
        }
    });
};

/* More cards load when a column is scrolled near its end (the button stays for keyboards). */
crmFunnel.observeMore = function () {
    if (!('IntersectionObserver' in window)) {
        return;
    }
    document.querySelectorAll('.crm-column-body').forEach(function (body) {
        var more = body.querySelector('.crm-more');
        if (!more || more.getAttribute('data-observed')) {
            return;
        }
        more.setAttribute('data-observed', 'true');
        new IntersectionObserver(function (entries, observer) {
            if (entries.some(function (e) { return e.isIntersecting; })) {
                observer.disconnect();
                more.click();
            }
        }, {root: body, rootMargin: '150px'}).observe(more);
    });
};

$(document).on('pfAjaxSend', crmFunnel.rememberScroll);
$(document).on('pfAjaxComplete', function () {
    crmFunnel.restoreScroll();
    crmFunnel.observeMore();
});
$(crmFunnel.observeMore);
/* Pushed changes re-render the board through Faces Ajax, not PrimeFaces Ajax. */
if (window.faces && faces.ajax) {
    faces.ajax.addOnEvent(function (data) {
        if (data.status === 'begin') {
            crmFunnel.rememberScroll();
        } else if (data.status === 'success') {
            crmFunnel.restoreScroll();
            crmFunnel.observeMore();
        }
    });
}
