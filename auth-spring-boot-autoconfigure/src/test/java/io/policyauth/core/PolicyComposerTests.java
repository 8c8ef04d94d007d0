package io.policyauth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.policyauth.core.PolicyDefinition.Combination;

class PolicyComposerTests {

    private final AuthExecutorRegistry base = new AuthExecutorRegistry(List.of(new PublicExecutor()),
            Map.of("private", "set policy-auth.jwt.secret."));

    private List<AuthExecutor> compose(List<PolicyDefinition> definitions) {
        return PolicyComposer.compose(base, definitions, Clock.systemUTC());
    }

    @Test
    void definitionsMayNameEachOtherInAnyOrder() {
        List<AuthExecutor> built = compose(List.of(
                new PolicyDefinition("outer", Combination.ALL_OF, List.of("inner"), null),
                new PolicyDefinition("inner", Combination.ANY_OF, List.of("public"), null)));

        assertThat(built).extracting(AuthExecutor::policy).containsExactly("outer", "inner");
        assertThat(((AllOfExecutor) built.get(0)).members().get(0)).isSameAs(built.get(1));
    }

    @Test
    void cyclesAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> compose(List.of(
                new PolicyDefinition("a", Combination.ANY_OF, List.of("b"), null),
                new PolicyDefinition("b", Combination.ANY_OF, List.of("public", "a"), null))))
                .hasMessage("Policies form a cycle: a -> b -> a");
    }

    @Test
    void unknownMembersAreRefusedWithWhatToConfigure() {
        assertThatThrownBy(() -> compose(List.of(
                new PolicyDefinition("partner", Combination.ANY_OF, List.of("private"), null))))
                .hasMessageContaining("Policy 'partner' names policy 'private'")
                .hasMessageContaining("set policy-auth.jwt.secret.");
    }

    @Test
    void aDefinitionMayNotTakeARegisteredName() {
        assertThatThrownBy(() -> compose(List.of(
                new PolicyDefinition("public", Combination.ANY_OF, List.of("public"), null))))
                .hasMessageContaining("already registered");
    }
}
