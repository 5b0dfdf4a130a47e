/**
 * Where the gazetteer's entities are: the {@link org.outpost.core.entity.geo.GeoPoint} of a place, region or country
 * ({@code at:} in the gazetteer, read by {@link org.outpost.core.entity.Gazetteer#position}) and the shipped
 * {@link org.outpost.core.entity.geo.Boundaries} of Central Asia and its neighbours (Natural Earth, simplified), which
 * the dashboard's map draws in the browser and the alerts' report map draws on the server.
 */
@NamedInterface("geo")
@NullMarked
package org.outpost.core.entity.geo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
