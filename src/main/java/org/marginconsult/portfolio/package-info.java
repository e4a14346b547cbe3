/**
 * Portfolio upload (issue 5): anonymized positions of a firm, validated line by line, stored fast and
 * visible to that firm only.
 *
 * <p>How the types fit together: {@link org.marginconsult.portfolio.PortfolioPages} (HTML) and
 * {@link org.marginconsult.portfolio.PortfolioApi} (JSON) save the body ({@link org.marginconsult.portfolio.UploadSpool};
 * {@link org.marginconsult.portfolio.UploadSizeGuard} refuses oversized ones before they are read) and call
 * {@link org.marginconsult.portfolio.PortfolioService#upload}, which checks the metadata
 * ({@link org.marginconsult.portfolio.PortfolioMetadata}) and reads the file with
 * {@link org.marginconsult.portfolio.PositionReader}: CSV ({@code CsvTokenizer}), XLSX ({@code XlsxPositions})
 * or JSON ({@code JsonPositions}) rows go through {@code PositionRows}, which applies the engine's
 * {@link org.marginconsult.margin.PositionValidator} plus the upload's own checks and hands valid
 * {@link org.marginconsult.margin.Position}s to a {@link org.marginconsult.portfolio.PositionSink}: the COPY
 * writer and the totals. Every problem is an {@link org.marginconsult.portfolio.UploadError} with a stable
 * {@link org.marginconsult.portfolio.ErrorKind}; the file formats and every message are documented in
 * docs/portfolio-format.md.
 *
 * <p>Stored: {@link org.marginconsult.portfolio.Portfolio} (immutable; a new upload under a label is its
 * next version) with its collateral, warnings and {@link org.marginconsult.portfolio.PortfolioTotal}s, and
 * its positions in {@code portfolio_position} ({@link org.marginconsult.portfolio.PositionStore}).
 * Every read checks the caller's firm and answers 404 otherwise.
 *
 * <p>Demo data: {@link org.marginconsult.portfolio.seed.DemoPortfolioSeeder} loads a book for each demo
 * firm at start when {@code marginconsult.portfolio.demo-data} is on (local runs), through
 * {@link org.marginconsult.portfolio.PortfolioService#uploadFor}.
 */
package org.marginconsult.portfolio;
