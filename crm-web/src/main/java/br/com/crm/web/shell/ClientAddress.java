package br.com.crm.web.shell;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Arrays;
import java.util.List;

/**
 * The address of the client behind a request. Behind a load balancer or TLS proxy every request comes from the
 * proxy, so the proxies listed in {@code crm.http.trusted-proxies} (comma-separated addresses) are looked
 * through: the client is the nearest address in {@code X-Forwarded-For} that is not one of them. A header
 * from anyone else is ignored, or any client could claim any address.
 */
@ApplicationScoped
public class ClientAddress {

    private List<String> trusted;

    /** Read as one string and split here: Payara's config injection takes no {@code Optional<List>}. */
    @PostConstruct
    void init() {
        String proxies = ConfigProvider.getConfig().getOptionalValue("crm.http.trusted-proxies", String.class)
                .orElse("");
        trusted = Arrays.stream(proxies.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!trusted.contains(address)) {
            return address;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null) {
            return address;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop.length() > 45 ? hop.substring(0, 45) : hop;
            }
        }
        return address;
    }
}
