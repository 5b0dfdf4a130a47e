/** How the app uses its relational database (H2 or PostgreSQL) beyond Spring Boot's defaults. */
@NullMarked
package org.outpost.dashboard.database;

import org.jspecify.annotations.NullMarked;
