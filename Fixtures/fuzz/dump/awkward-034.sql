--
-- Name: mv; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
--

CREATE MATERIALIZED VIEW public.mv AS
 SELECT count(*) AS n
   FROM public.plain
  WITH NO DATA;


ALTER TABLE public.mv OWNER TO postgres;

