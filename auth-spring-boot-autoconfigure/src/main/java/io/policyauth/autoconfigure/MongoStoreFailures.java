package io.policyauth.autoconfigure;

/**
 * Why a {@code ...store=mongo} property cannot be served, said the same way for every such
 * property. References no MongoDB type: it also runs when Spring Data MongoDB is absent.
 */
public final class MongoStoreFailures {

    private MongoStoreFailures() {
    }

    /**
     * @param property the store property, e.g. {@code policy-auth.audit.store}
     * @param alternative the value that needs no MongoDB
     * @return the failure for a missing MongoDB connection
     */
    public static IllegalStateException noConnection(String property, String alternative) {
        return new IllegalStateException(property + "=mongo needs a MongoDB connection: configure "
                + "spring.mongodb.uri, or set " + property + "=" + alternative);
    }

    /**
     * @param property the store property
     * @param alternative the value that needs no MongoDB
     * @return the failure for Spring Data MongoDB missing from the class path
     */
    public static IllegalStateException noSpringData(String property, String alternative) {
        return new IllegalStateException(property + "=mongo needs Spring Data MongoDB: add "
                + "spring-boot-starter-data-mongodb, or set " + property + "=" + alternative);
    }
}
