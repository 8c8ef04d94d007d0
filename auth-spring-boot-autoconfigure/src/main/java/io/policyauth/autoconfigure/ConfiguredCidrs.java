package io.policyauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import io.policyauth.network.Cidr;
import io.policyauth.network.CidrSet;

/** Parses configured CIDR lists, failing at start on the entry that is malformed. */
public final class ConfiguredCidrs {

    private ConfiguredCidrs() {
    }

    /**
     * @param property where the list is configured, for the message
     * @param values the configured CIDRs
     * @return the set
     * @throws InvalidConfigurationPropertyValueException naming the malformed entry
     */
    public static CidrSet parse(String property, List<String> values) {
        List<Cidr> cidrs = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                cidrs.add(Cidr.parse(values.get(i)));
            }
            catch (IllegalArgumentException invalid) {
                throw new InvalidConfigurationPropertyValueException(property + "[" + i + "]", values.get(i),
                        invalid.getMessage());
            }
        }
        return CidrSet.of(cidrs);
    }
}
