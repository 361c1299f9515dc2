/*
 * PrimeFaces writes its simple file upload's input, the visible and focusable field itself, with aria-hidden="true":
 * a screen reader would skip the field the keyboard is on (axe: aria-hidden-focus). It is shown to them as it is.
 */
$(function () {
    $('.ui-fileupload-simple input[type=file], input[type=file][aria-hidden=true]').removeAttr('aria-hidden');
});
