/*
 * PrimeFaces writes each message of p:messages as a list item with role="alert", which ARIA forbids (a list holds
 * list items; axe: list): the message box itself is the alert instead, so a screen reader still reads each message
 * when it appears. Applied on load and to every message an Ajax update writes.
 */
(function () {
    function fix(root) {
        root.querySelectorAll('.ui-messages li[role=alert]').forEach(function (item) {
            item.removeAttribute('role');
            var box = item.closest('.ui-messages');
            if (box && box.getAttribute('role') !== 'alert') {
                box.setAttribute('role', 'alert');
            }
        });
    }
    document.addEventListener('DOMContentLoaded', function () {
        fix(document);
        new MutationObserver(function () {
            fix(document);
        }).observe(document.body, {childList: true, subtree: true});
    });
})();
