package br.com.crm.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The real Payara Micro deliverable, as the build made it, deployed at /crm. */
public final class MicroDeployment {

    private MicroDeployment() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("crm.microWar", "target/crm-micro.war"));
        // The archive's name is the context root on Payara Micro.
        return ShrinkWrap.create(WebArchive.class, "crm.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
    }
}
