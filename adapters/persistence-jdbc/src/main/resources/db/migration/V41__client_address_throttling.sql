-- Log-in throttling by client address (for one account, and over all accounts) instead of by
-- account alone, so that nobody can lock an owner out; sign-ups rate-limited per client address.
ALTER TABLE login_failures ADD COLUMN client_address text NOT NULL DEFAULT 'unknown';

DROP INDEX login_failures_email_idx;
CREATE INDEX login_failures_client_email_idx ON login_failures (client_address, email, failed_at);
CREATE INDEX login_failures_failed_at_idx ON login_failures (failed_at);

CREATE TABLE sign_up_attempts (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_address text        NOT NULL,
    attempted_at   timestamptz NOT NULL
);

CREATE INDEX sign_up_attempts_client_idx ON sign_up_attempts (client_address, attempted_at);
CREATE INDEX sign_up_attempts_attempted_at_idx ON sign_up_attempts (attempted_at);
