package io.policyauth.parity;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.policyauth.core.AuthDecisionEvent;
import io.policyauth.core.AuthExecutor;
import io.policyauth.core.AuthenticatedUser;
import io.policyauth.core.SecurityRequestContext;
import io.policyauth.resource.Resource;
import io.policyauth.resource.ResourceAttributes;
import io.policyauth.resource.ResourceAuthorizer;
import io.policyauth.resource.ResourceDecision;
import io.policyauth.resource.ResourceFilter;
import io.policyauth.web.RequiresPolicy;
import io.policyauth.web.RequiresResource;

/**
 * An application written once and run on either stack: plain return values and an
 * {@link AuthenticatedUser} argument work alike in Spring MVC and WebFlux.
 */
@SpringBootApplication
public class ParityApplication {

    /** Every decision's audit event, as an application listener receives it. */
    public final List<AuthDecisionEvent> decisions = new CopyOnWriteArrayList<>();

    @EventListener
    void record(AuthDecisionEvent decision) {
        decisions.add(decision);
    }

    /** A policy with a bug: it throws what no policy should, so the request is refused with a logged 500. */
    @Bean
    AuthExecutor brokenPolicy() {
        return new AuthExecutor() {

            @Override
            public String policy() {
                return "broken";
            }

            @Override
            public AuthenticatedUser execute(SecurityRequestContext context) {
                throw new IllegalStateException("the policy failed");
            }
        };
    }

    /**
     * A policy that admits anyone and says what its request context held: the matched pattern's
     * variables, the URL as the client sent it, the TLS client certificates.
     */
    @Bean
    AuthExecutor contextPolicy() {
        return new AuthExecutor() {

            @Override
            public String policy() {
                return "context";
            }

            @Override
            public boolean mayBlock() {
                return false;
            }

            @Override
            public AuthenticatedUser execute(SecurityRequestContext context) {
                URI url = context.requestUrl().uri();
                return AuthenticatedUser.builder("anonymous", "context").claims(Map.of("variables",
                        context.pathVariables(), "scheme", url == null ? "" : url.getScheme(), "target",
                        url == null ? "" : url.getRawPath() + "?" + url.getRawQuery(), "certificates",
                        context.clientCertificates().size())).build();
            }
        };
    }

    /**
     * A form post's fields.
     *
     * @param amount how many
     * @param note a remark
     */
    public record FormOrder(String amount, String note) {
    }

    /** Documents: d1 alice's and published, d2 another tenant's. */
    @Bean
    ResourceAttributes documents() {
        Map<String, Map<String, Object>> documents = Map.of("d1", Map.of("owner", "alice", "status", "published"),
                "d2", Map.of("owner", "alice", "tenant", "acme", "status", "published"));
        return ResourceAttributes.of("document", id -> Optional.ofNullable(documents.get(id)));
    }

    /** An engine of the application's own: the owner does anything, anyone reads what is published. */
    @Bean
    ResourceAuthorizer ownersAndReaders() {
        return new ResourceAuthorizer() {

            @Override
            public ResourceDecision check(AuthenticatedUser user, Resource resource, String action) {
                boolean allowed = user.subject().equals(resource.attributes().get("owner"))
                        || "read".equals(action) && "published".equals(resource.attributes().get("status"));
                return new ResourceDecision(resource, action, allowed, "owners-and-readers");
            }

            @Override
            public List<ResourceDecision> checkAll(AuthenticatedUser user, List<Resource> resources,
                    Collection<String> actions) {
                return resources.stream().flatMap(resource -> actions.stream()
                        .map(action -> check(user, resource, action))).toList();
            }

            @Override
            public ResourceFilter plan(AuthenticatedUser user, String kind, String action) {
                return ResourceFilter.ALWAYS_DENIED;
            }
        };
    }

    /*
     * Filters that change the request after the policy filter could run on WebFlux: the
     * documented trailing-slash handling (and, from application.yml, Boot's hidden-method filter).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletRequestChanges {

        @Bean
        org.springframework.web.filter.UrlHandlerFilter trailingSlashes() {
            return org.springframework.web.filter.UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class ReactiveRequestChanges {

        @Bean
        org.springframework.web.filter.reactive.UrlHandlerFilter trailingSlashes() {
            return org.springframework.web.filter.reactive.UrlHandlerFilter.trailingSlashHandler("/**")
                    .mutateRequest().build();
        }
    }

    @RestController
    static class ParityController {

        @PostMapping("/notes")
        @RequiresPolicy("public")
        Map<String, Object> addNote(AuthenticatedUser user) {
            return caller(user);
        }

        @DeleteMapping("/notes")
        @RequiresPolicy(value = "private", roles = "admin")
        Map<String, Object> deleteNotes(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/tenants/{tenantId}/invoices")
        @RequiresPolicy(value = {"db_api_key", "private"}, permissions = "invoices:read")
        Map<String, Object> invoices(AuthenticatedUser user, @PathVariable String tenantId) {
            return Map.of("subject", user.subject(), "tenant", tenantId, "permissions", user.permissions());
        }

        @GetMapping("/hello")
        @RequiresPolicy("public")
        Map<String, Object> hello(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/orders")
        Map<String, Object> orders(AuthenticatedUser user) {
            return caller(user);
        }

        @PostMapping("/orders")
        @RequiresPolicy(value = "private", scopes = "orders:write")
        Map<String, Object> createOrder(AuthenticatedUser user, @RequestBody(required = false) String order) {
            return Map.of("subject", user.subject(), "order", order == null ? "" : order);
        }

        @GetMapping("/orders/{id}")
        @RequiresPolicy("writers")
        Map<String, Object> order(AuthenticatedUser user, @PathVariable String id) {
            return Map.of("subject", user.subject(), "id", id);
        }

        @GetMapping("/admin")
        @RequiresPolicy(value = "private", roles = "admin")
        Map<String, Object> admin(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/reports")
        @RequiresPolicy("shared_api_key")
        Map<String, Object> reports(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/either")
        @RequiresPolicy("key-or-token")
        Map<String, Object> either(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/both")
        @RequiresPolicy("key-and-token")
        Map<String, Object> both(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/clients/me")
        @RequiresPolicy("db_api_key")
        Map<String, Object> client(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/ops/status")
        @RequiresPolicy("internal")
        Map<String, Object> ops(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/trial")
        @RequiresPolicy("trial")
        Map<String, Object> trial(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/kx/query")
        @RequiresPolicy("kx")
        Map<String, Object> kx(AuthenticatedUser user) {
            return Map.of("subject", user.subject(), "roles", user.roles());
        }

        @PostMapping("/kx/orders")
        @RequiresPolicy("kx-body")
        Map<String, Object> kxOrder(AuthenticatedUser user, @RequestBody String order) {
            return Map.of("subject", user.subject(), "order", order);
        }

        @PostMapping(path = "/kx/forms", consumes = "application/x-www-form-urlencoded")
        @RequiresPolicy("kx-body")
        Map<String, Object> kxForm(AuthenticatedUser user, @ModelAttribute FormOrder order) {
            return Map.of("subject", user.subject(), "amount", order.amount(), "note", order.note());
        }

        @GetMapping("/partners")
        @RequiresPolicy("private:idp")
        Map<String, Object> partners(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/shared")
        @CrossOrigin(origins = "https://app.example")
        Map<String, Object> shared(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/once")
        @RequiresPolicy("once-a-minute")
        Map<String, Object> once(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/payments")
        @RequiresPolicy("private:dpop")
        Map<String, Object> payments(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/sensitive")
        @RequiresPolicy(value = "private", acr = "urn:parity:mfa", maxAge = "5m")
        Map<String, Object> sensitive(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/fresh")
        @RequiresPolicy("fresh-login")
        Map<String, Object> fresh(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/documents/{documentId}")
        @RequiresPolicy("private")
        @RequiresResource(kind = "document", id = "{documentId}")
        String readDocument(@PathVariable String documentId) {
            return "read " + documentId;
        }

        @PutMapping("/documents/{documentId}")
        @RequiresPolicy("private")
        @RequiresResource(kind = "document", id = "{documentId}")
        String updateDocument(@PathVariable String documentId) {
            return "updated " + documentId;
        }

        @GetMapping("/context/{region}/{id}")
        @RequiresPolicy("context")
        Map<String, Object> context(AuthenticatedUser user) {
            return user.claims();
        }

        @GetMapping("/broken")
        @RequiresPolicy("broken")
        Map<String, Object> broken(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/boom")
        Map<String, Object> boom(AuthenticatedUser user) {
            throw new IllegalStateException("the handler failed");
        }

        @GetMapping("/open/info")
        Map<String, Object> info(AuthenticatedUser user) {
            return caller(user);
        }

        @GetMapping("/exports/daily")
        Map<String, Object> export(AuthenticatedUser user) {
            return caller(user);
        }

        @PostMapping("/exports/daily")
        Map<String, Object> runExport(AuthenticatedUser user) {
            return caller(user);
        }

        private static Map<String, Object> caller(AuthenticatedUser user) {
            return Map.of("subject", user.subject(), "mechanism", user.mechanism());
        }
    }
}
