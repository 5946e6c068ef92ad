package org.trek.trips;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A tag on a place (table place_tags). */
@Entity
@Table(name = "place_tags")
@IdClass(PlaceTag.Key.class)
public class PlaceTag {

    @Id
    @Column(name = "place_id")
    private Long placeId;

    @Id
    @Column(name = "tag_id")
    private Long tagId;

    public Long getPlaceId() {
        return placeId;
    }

    public Long getTagId() {
        return tagId;
    }

    public void setPlaceId(Long placeId) {
        this.placeId = placeId;
    }

    public void setTagId(Long tagId) {
        this.tagId = tagId;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        private Long placeId;
        private Long tagId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(placeId, k.placeId) && Objects.equals(tagId, k.tagId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(placeId, tagId);
        }
    }
}
