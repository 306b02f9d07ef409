--
-- Name: mv; Type: MATERIALIZED VIEW DATA; Schema: public; Owner: postgres
--

REFRESH MATERIALIZED VIEW public.mv;


--
-- PostgreSQL database dump complete
--

\unrestrict 3glip9c4Bj6OBCobsmVYr29VMj2uN7TmE4qBlZhanOnDtsKolcBc9w6UxVdMXa4

