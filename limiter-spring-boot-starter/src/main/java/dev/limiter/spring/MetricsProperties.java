package dev.limiter.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code limiter.metrics.*} properties. */
public class MetricsProperties {

    /** Publish the limiter's metrics when Micrometer is on the classpath. */
    private boolean enabled = true;

    /** Tag meters with entity ids. Every entity becomes its own time series: only for a bounded set of entities. */
    private boolean entityTag;

    /** Buckets (entity and resource) that get available-token and debt gauges. */
    private List<BucketProperties> buckets = new ArrayList<>();

    /** How long one reading of a watched bucket serves scrapes. */
    private Duration bucketRefresh = Duration.ofSeconds(5);

    /** The {@code enabled} setting. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets {@code enabled}; see the field for its meaning and default. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The {@code entity-tag} setting. */
    public boolean isEntityTag() {
        return entityTag;
    }

    /** Sets {@code entity-tag}; see the field for its meaning and default. */
    public void setEntityTag(boolean entityTag) {
        this.entityTag = entityTag;
    }

    /** The {@code buckets} setting. */
    public List<BucketProperties> getBuckets() {
        return buckets;
    }

    /** Sets {@code buckets}; see the field for its meaning and default. */
    public void setBuckets(List<BucketProperties> buckets) {
        this.buckets = buckets;
    }

    /** The {@code bucket-refresh} setting. */
    public Duration getBucketRefresh() {
        return bucketRefresh;
    }

    /** Sets {@code bucket-refresh}; see the field for its meaning and default. */
    public void setBucketRefresh(Duration bucketRefresh) {
        this.bucketRefresh = bucketRefresh;
    }

    /** A bucket to watch with gauges. */
    public static class BucketProperties {

        /** The entity id. */
        private String entity;

        /** The resource. */
        private String resource;

        /** The {@code entity} setting. */
        public String getEntity() {
            return entity;
        }

        /** Sets {@code entity}; see the field for its meaning and default. */
        public void setEntity(String entity) {
            this.entity = entity;
        }

        /** The {@code resource} setting. */
        public String getResource() {
            return resource;
        }

        /** Sets {@code resource}; see the field for its meaning and default. */
        public void setResource(String resource) {
            this.resource = resource;
        }
    }
}
