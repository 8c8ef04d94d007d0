package io.policyauth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.ServletRequestPathUtils;

import io.policyauth.core.AuthExecutorRegistry;
import io.policyauth.core.AuthService;
import io.policyauth.core.DecisionMetrics;
import io.policyauth.core.Enforcement;
import io.policyauth.core.PolicyModes;
import io.policyauth.core.PublicExecutor;
import io.policyauth.core.Requirements;

class HandlerPoliciesTests {

    private final AuthService authService = new AuthService(new AuthExecutorRegistry(List.of(new PublicExecutor(),
            new TestExecutors.TokenHeader("token"), new TestExecutors.TokenHeader("other")), Map.of()),
            new DecisionMetrics(new SimpleMeterRegistry()));
    private final PolicyModes modes = new PolicyModes(Enforcement.ENFORCE, Map.of("other", Enforcement.DRY_RUN));
    private final ExemptEndpoints errorPath = (type, path) -> "/error".equals(path)
            && ErrorController.class.isAssignableFrom(type);
    private final EffectivePolicies policies = new EffectivePolicies(authService, "token", List.of(
            RouteRule.of("/reports/**", Set.of("GET"), List.of("other"), Requirements.NONE),
            RouteRule.of("/reports/**", Set.of(), List.of("public"), Requirements.NONE)), modes, errorPath);

    @Test
    void theMethodsAnnotationWinsOverTheClassesAndCarriesItsRequirements() {
        EffectivePolicy policy = forRequest(policies, request("GET", "/x"), handler(Annotated.class, "scoped"));

        assertThat(policy.names()).containsExactly("other");
        assertThat(policy.source()).isEqualTo(PolicySource.ANNOTATION);
        assertThat(policy.requirements().scopes()).containsExactly("orders:read");
        assertThat(policy.enforcement()).isEqualTo(Enforcement.DRY_RUN);
        assertThat(policy.executor().describe().requirements().scopes()).containsExactly("orders:read");
    }

    @Test
    void aClassAnnotationCoversUnannotatedMethodsAndSeveralNamesAreAnyOf() {
        EffectivePolicy policy = forRequest(policies, request("GET", "/x"), handler(Annotated.class, "plain"));

        assertThat(policy.name()).isEqualTo("token|public");
        assertThat(policy.executor().describe().admitsAnyone()).isTrue();
    }

    @Test
    void routesMatchInOrderAndAGetRuleCoversHead() {
        Object handler = handler(Unannotated.class, "report");

        assertThat(forRequest(policies, request("GET", "/reports/daily"), handler).names()).containsExactly("other");
        assertThat(forRequest(policies, request("HEAD", "/reports/daily"), handler).names()).containsExactly("other");
        assertThat(forRequest(policies, request("POST", "/reports/daily"), handler).names()).containsExactly("public");
        assertThat(forRequest(policies, request("GET", "/elsewhere"), handler).source())
                .isEqualTo(PolicySource.DEFAULT);
    }

    @Test
    void routesMatchTheDecodedPathWithoutMatrixParameters() {
        Object handler = handler(Unannotated.class, "report");

        assertThat(forRequest(policies, request("GET", "/%72eports;x=1/daily"), handler).names())
                .containsExactly("other");
    }

    @Test
    void onlyTheErrorControllerAtTheErrorPathIsExempt() {
        assertThat(forRequest(policies, request("GET", "/error"), handler(Errors.class, "error")).exempt()).isTrue();
        assertThat(forRequest(policies, request("GET", "/error/details"), handler(Errors.class, "error")).exempt())
                .isFalse();
        assertThat(forRequest(policies, request("GET", "/error"), handler(Unannotated.class, "report")).exempt())
                .isFalse();
        assertThat(policies.forMapping(handler(Errors.class, "error"), "/error", "GET").exempt()).isTrue();
    }

    @Test
    void anAnnotationNamingAnUnknownPolicyFailsNamingTheHandler() {
        assertThatIllegalStateException()
                .isThrownBy(() -> policies.forMapping(handler(Annotated.class, "unknown"), "/u", "GET"))
                .withMessageContaining(Annotated.class.getName() + "#unknown").withMessageContaining("nope");
    }

    @Test
    void anUnregisteredDefaultPolicyIsReportedAndDenies() {
        EffectivePolicies unregistered = new EffectivePolicies(authService, "private", List.of(), modes, errorPath);

        assertThat(unregistered.defaultPolicyProblem()).get().asString().contains("private");
        assertThat(policies.defaultPolicyProblem()).isEmpty();
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        return request;
    }

    private static HandlerMethod handler(Class<?> type, String name) {
        try {
            Method method = type.getDeclaredMethod(name);
            return new HandlerMethod(type.getDeclaredConstructor().newInstance(), method);
        }
        catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @RequiresPolicy({"token", "public"})
    static class Annotated {

        @RequiresPolicy(value = "other", scopes = "Orders:Read")
        void scoped() {
        }

        void plain() {
        }

        @RequiresPolicy("nope")
        void unknown() {
        }
    }

    static class Unannotated {

        void report() {
        }
    }

    static class Errors implements ErrorController {

        void error() {
        }
    }

    private static EffectivePolicy forRequest(EffectivePolicies policies, MockHttpServletRequest request,
            Object handler) {
        return policies.forHandler(handler, ServletRequestPathUtils.parseAndCache(request).pathWithinApplication(),
                request.getMethod());
    }
}
