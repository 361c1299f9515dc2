package br.com.crm.tag.boundary;

import br.com.crm.tag.entity.Tag;

/**
 * A tag as the REST API shows it, and as a webhook's event carries it inside a subject: one definition for both,
 * so what an integrator reads from either cannot drift apart.
 */
public record TagJson(long id, String name, String color, long version) {

    public static TagJson of(Tag tag) {
        return new TagJson(tag.getId(), tag.getName(), tag.getColor(), tag.getVersion());
    }
}
