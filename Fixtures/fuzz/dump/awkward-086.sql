--
-- Name: dup r_dup; Type: RULE; Schema: other; Owner: postgres
--

CREATE RULE r_dup AS
    ON INSERT TO other.dup DO
 NOTIFY dup;


