/* The funnel board: turns a drop into one server call, and keeps the card where the server says it is. */
var crmFunnel = {
    /**
     * A push: reload the board when the changes concern it, by a remote command that leaves the growl alone;
     * nothing for this board's own changes.
     */
    changed: function (changes) {
        if (crmChanges.concerning(changes, $('.crm-board').attr('data-view'))) {
            crmFunnel.reload();
        }
    },

    reload: crmChanges.coalesced(function () {
        return crmFunnelChanged();
    }),

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
        // The columns the server draws anew (crmDrop's update): the card's and the one it goes to.
        $('.crm-column').removeClass('crm-column-moving');
        $('.crm-column[data-stage="' + from + '"], .crm-column[data-stage="' + to + '"]').addClass('crm-column-moving');
        crmDrop([
            {name: 'subject', value: card.attr('data-subject')},
            {name: 'version', value: card.attr('data-version')},
            {name: 'stage', value: to}
        ]);
    },

    /* A drop into the closing stage asks for the outcome before anything is saved. */
    afterDrop: function (args) {
        $('.crm-column').removeClass('crm-column-moving');
        if (args && args.ask) {
            crmFunnel.closing = false;
            PF('moveDialog').show();
        }
        crmFunnel.announce(args);
    },

    /*
     * A move was saved: the live region says where the card went ("Movido para Negociação"), and the focus goes back
     * to the card, now in its new column (the board was drawn anew under it).
     */
    announce: function (args) {
        if (!args || !args.moved) {
            return;
        }
        crmFunnel.focusSubject = String(args.movedSubject);
        var region = document.getElementById('funnelStatus');
        // Emptied first: the same words again ("Movido para Fechado" twice) are announced again.
        region.textContent = '';
        setTimeout(function () {
            region.textContent = args.moved;
        }, 100);
        setTimeout(crmFunnel.restoreFocus, 0);
    },

    /* Closing the dialog without confirming puts the board back as the server has it. */
    cancelled: function () {
        if (!crmFunnel.closing) {
            crmCancelMove();
        }
        crmFunnel.closing = false;
        setTimeout(crmFunnel.restoreFocus, 0);
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

/* Editors drag cards to the columns (p:droppable, scope "funnel"); viewers get no drag at all. */
crmFunnel.initDraggables = function () {
    if ($('.crm-board').attr('data-editor') !== 'true') {
        return;
    }
    $('.crm-column-body .crm-card[data-subject]').not('.ui-draggable').draggable({
        revert: true, scope: 'funnel', opacity: 0.8, zIndex: 1000, cancel: '.crm-card-menu, a'
    });
};
crmFunnel.refreshed = function () {
    crmFunnel.restoreScroll();
    crmFunnel.observeMore();
    crmFunnel.initDraggables();
};

/*
 * The focus stays where the user was when the board is drawn anew (a move, a colleague's change pushed to the board,
 * more cards): the focused card, its title or its menu button is found again by its subject, any other element by
 * its id. Nothing is taken from an open dialog or from an element that kept the focus.
 */
crmFunnel.focusSubject = null;
crmFunnel.focused = null;
crmFunnel.rememberFocus = function () {
    var element = document.activeElement;
    if (!element || element === document.body) {
        return;
    }
    var card = $(element).closest('.crm-board .crm-card[data-subject]');
    if (card.length) {
        crmFunnel.focused = {
            subject: card.attr('data-subject'),
            part: element === card[0] ? null : $(element).is('.crm-card-menu') ? '.crm-card-menu' : '.crm-card-title'
        };
    } else {
        crmFunnel.focused = element.id ? {id: element.id} : null;
    }
};
crmFunnel.lostFocus = function () {
    var element = document.activeElement;
    return !element || element === document.body || !document.body.contains(element);
};
crmFunnel.restoreFocus = function () {
    if ($('.ui-dialog:visible').length) {
        return;
    }
    var target = null;
    if (crmFunnel.focusSubject) {
        target = $('.crm-board .crm-card[data-subject="' + crmFunnel.focusSubject + '"]');
        crmFunnel.focusSubject = null;
    } else if (crmFunnel.focused && crmFunnel.lostFocus()) {
        var was = crmFunnel.focused;
        target = was.id ? $(document.getElementById(was.id))
            : $('.crm-board .crm-card[data-subject="' + was.subject + '"]');
        if (was.part) {
            target = target.find(was.part).first();
        }
    }
    if (target && target.length) {
        target[0].focus({preventScroll: false});
    }
};

/*
 * A focused card moves with the keyboard: Shift+Right/Left to the next/previous stage (as a drop there, the closing
 * stage asking for the outcome first), Up/Down to the neighbouring card of its column, Enter opens its subject.
 */
crmFunnel.onCardKey = function (e) {
    var card = $(this);
    if (e.target !== this) {
        return;
    }
    if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
        e.preventDefault();
        if ($('.crm-board').attr('data-editor') !== 'true') {
            return;
        }
        var columns = $('.crm-board .crm-column-body[data-stage]');
        var to = columns.index(card.closest('.crm-column-body')) + (e.key === 'ArrowRight' ? 1 : -1);
        if (to >= 0 && to < columns.length) {
            crmFunnel.focusSubject = card.attr('data-subject');
            crmFunnel.dropped(card, columns.eq(to));
        }
    } else if (!e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault();
        var cards = card.closest('.crm-column-body').find('.crm-card[data-subject]');
        cards.eq(Math.max(0, cards.index(card) + (e.key === 'ArrowDown' ? 1 : -1))).trigger('focus');
    } else if (e.key === 'Enter') {
        e.preventDefault();
        window.location = card.find('.crm-card-title').attr('href');
    }
};

$(document).on('pfAjaxSend', function () {
    crmFunnel.rememberScroll();
    crmFunnel.rememberFocus();
});
$(document).on('pfAjaxComplete', function () {
    crmFunnel.refreshed();
    // After the update's own scripts (a dialog shown or hidden by oncomplete).
    setTimeout(crmFunnel.restoreFocus, 0);
});
$(document).on('keydown', '.crm-board .crm-card[data-subject]', crmFunnel.onCardKey);

/*
 * Touch: dragging is for a mouse (a finger scrolls the board), so a long press on a card opens its menu, whose
 * "Mover para…" moves it. A finger that moves or lifts before half a second is a scroll or a tap.
 */
crmFunnel.press = null;
crmFunnel.pressStarted = function (e) {
    var card = $(this);
    if ($(e.target).closest('a, button').length || !card.find('.crm-card-menu').length) {
        return;
    }
    clearTimeout(crmFunnel.press);
    crmFunnel.press = setTimeout(function () {
        crmFunnel.press = null;
        crmFunnel.openMenu(card.find('.crm-card-menu')[0]);
    }, 500);
};
crmFunnel.pressEnded = function () {
    clearTimeout(crmFunnel.press);
    crmFunnel.press = null;
};
$(document).on('touchstart', '.crm-board .crm-card[data-subject]', crmFunnel.pressStarted);
$(document).on('touchmove touchend touchcancel', '.crm-board .crm-card[data-subject]', crmFunnel.pressEnded);
// The long press's own context menu (Chromium on Android) would cover the card's.
$(document).on('contextmenu', '.crm-board .crm-card[data-subject]', function (e) {
    if (e.originalEvent && e.originalEvent.pointerType === 'touch' || $('#cardMenu:not([hidden])').length) {
        e.preventDefault();
    }
});
$(function () {
    crmFunnel.observeMore();
    crmFunnel.initDraggables();
});
/* The shared card menu: opened from a card's ⋮ button, by mouse or keyboard (one listener for every card). */
crmFunnel.card = null;
$(document).on('click', '.crm-board .crm-card-menu', function () {
    crmFunnel.openMenu(this);
});
crmFunnel.openMenu = function (button) {
    var card = $(button).closest('[data-subject]');
    var panel = $('#cardMenu');
    crmFunnel.card = {subject: card.attr('data-subject'), version: card.attr('data-version'), button: button};
    var at = $(button).offset();
    panel.removeAttr('hidden');
    // Under the button, right-aligned with it, and never out of the window (a phone's first column).
    var left = at.left - panel.outerWidth() + $(button).outerWidth();
    left = Math.max(8, Math.min(left, $(window).scrollLeft() + window.innerWidth - panel.outerWidth() - 8));
    panel.css({top: at.top + $(button).outerHeight(), left: left});
    panel.find('button').first().trigger('focus');
};
crmFunnel.closeMenu = function (refocus) {
    $('#cardMenu').attr('hidden', 'hidden');
    if (refocus && crmFunnel.card && document.body.contains(crmFunnel.card.button)) {
        crmFunnel.card.button.focus();
    }
};
crmFunnel.run = function (action) {
    crmCardAction([
        {name: 'action', value: action},
        {name: 'subject', value: crmFunnel.card.subject},
        {name: 'version', value: crmFunnel.card.version}
    ]);
};
crmFunnel.afterAction = function (args) {
    if (args && args.move) {
        crmFunnel.closing = false;
        PF('moveDialog').show();
    } else if (args && args.tags) {
        PF('tagDialog').show();
    }
};
$(function () {
    var panel = $('#cardMenu');
    panel.on('click', 'button', function () {
        var action = this.getAttribute('data-action');
        crmFunnel.closeMenu(false);
        if (action === 'edit') {
            window.location = panel.attr('data-context') + '/subject/edit.xhtml?id=' + crmFunnel.card.subject;
        } else if (action === 'delete') {
            PF('confirmDelete').show();
        } else {
            if (action === 'move' || action === 'tags') {
                // Back to the card once its dialog is done.
                crmFunnel.focusSubject = crmFunnel.card.subject;
            }
            crmFunnel.run(action);
        }
    });
    panel.on('keydown', function (e) {
        var items = panel.find('button');
        var i = items.index(document.activeElement);
        if (e.key === 'Escape') {
            crmFunnel.closeMenu(true);
        } else if (e.key === 'ArrowDown') {
            items.eq((i + 1) % items.length).trigger('focus');
            e.preventDefault();
        } else if (e.key === 'ArrowUp') {
            items.eq((i - 1 + items.length) % items.length).trigger('focus');
            e.preventDefault();
        }
    });
    $(document).on('mousedown', function (e) {
        if (!$(e.target).closest('#cardMenu, .crm-card-menu').length) {
            crmFunnel.closeMenu(false);
        }
    });
});
